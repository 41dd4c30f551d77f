package fr.preau.mail.imap;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

import fr.preau.shared.Component;
import fr.preau.shared.Deployment;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

/**
 * Ends a user's open Dovecot sessions with {@code doveadm kick} through doveadm's HTTP API (loopback, its own API
 * key; docs/adr/0095): the processes serving that user's IMAP and ManageSieve connections are told to stop, and
 * the clients see the server close the connection. Without the API configured ({@code PREAU_DOVEADM_PORT}), nothing
 * is ended and a warning is logged: the sessions then last until the clients reconnect.
 */
@ApplicationScoped
public class DoveadmSessions {
    private static final Logger LOG = Logger.getLogger(DoveadmSessions.class.getName());
    /** doveadm's exit code when no session of the user was found (EX_NOUSER). */
    private static final int NO_SESSION = 68;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Ends the sessions of {@code address}; returns how many users' sessions were ended (0 or 1). */
    public int kick(String address) {
        String url = Deployment.doveadmUrl();
        String key = Deployment.doveadmApiKey();
        if (url == null || key == null) {
            LOG.warning("doveadm HTTP API not configured (PREAU_DOVEADM_PORT, PREAU_DOVEADM_API_KEY): the open mail"
                    + " sessions of " + address + " last until their clients reconnect");
            return 0;
        }
        String body = Json.createArrayBuilder().add(Json.createArrayBuilder().add("kick")
                .add(Json.createObjectBuilder().add("mask", Json.createArrayBuilder().add(address)))
                .add("kick")).build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "X-Dovecot-API "
                        + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("doveadm answered " + response.statusCode());
            }
            return kicked(response.body());
        } catch (IOException e) {
            throw new ServiceUnavailableException(Component.MAIL_STORE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(Component.MAIL_STORE, e);
        }
    }

    /**
     * How many users the answer names ({@code [["doveadmResponse",[{"result":"…"}],"kick"]]}); 0 for doveadm's
     * "no such session" ({@code [["error",{"exitCode":68},"kick"]]}).
     */
    static int kicked(String answer) throws IOException {
        JsonArray reply = Json.createReader(new StringReader(answer)).readArray().getJsonArray(0);
        if ("doveadmResponse".equals(reply.getString(0))) {
            return reply.getJsonArray(1).size();
        }
        JsonValue error = reply.get(1);
        if (error.getValueType() == JsonValue.ValueType.OBJECT
                && error.asJsonObject().getInt("exitCode", 0) == NO_SESSION) {
            return 0;
        }
        throw new IOException("doveadm kick failed: " + answer);
    }
}

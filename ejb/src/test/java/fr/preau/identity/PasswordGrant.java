package fr.preau.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import fr.preau.testing.TestEnv;

/**
 * Checks a password the way Dovecot does (password grant of client {@code dovecot}). Each success opens a Keycloak
 * session for that client.
 */
public final class PasswordGrant {
    /** What Keycloak said. */
    public enum Outcome {
        /** 200: a token. */
        VALID,
        /** 400 "Account is not fully set up": the right password, still provisional. */
        PROVISIONAL,
        /** 400 "Invalid user credentials": wrong password, or none. */
        REFUSED
    }

    private PasswordGrant() {
    }

    public static Outcome check(String username, String password) throws Exception {
        HttpResponse<String> response = attempt(username, password);
        if (response.statusCode() == 200) {
            return Outcome.VALID;
        }
        if (response.body().contains("not fully set up")) {
            return Outcome.PROVISIONAL;
        }
        if (response.body().contains("Invalid user credentials")) {
            return Outcome.REFUSED;
        }
        throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
    }

    public static HttpResponse<String> attempt(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=dovecot&client_secret="
                + encode(TestEnv.get("PREAU_DOVECOT_CLIENT_SECRET")) + "&username=" + encode(username)
                + "&password=" + encode(password) + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestEnv.get("PREAU_OIDC_PROVIDER_URL")
                + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

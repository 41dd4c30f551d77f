package fr.preau.testing;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * Keycloak's admin REST API, for tests that need an account of their own: created with a provisional password, or
 * given a definitive one. Talks to the real Keycloak that {@code bin/preau} started.
 */
public final class KeycloakAdmin {
    private static final String REALM = "preau";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base = TestEnv.get("PREAU_KEYCLOAK_URL");

    /** Creates (or re-creates) a user of the realm with role {@code user} and a password. */
    public void createUser(String username, String firstName, String lastName, String email, String password,
            boolean provisional) throws IOException, InterruptedException {
        deleteUser(username);
        String body = Json.createObjectBuilder()
                .add("username", username).add("firstName", firstName).add("lastName", lastName)
                .add("email", email).add("emailVerified", true).add("enabled", true)
                .add("requiredActions", provisional
                        ? Json.createArrayBuilder().add("UPDATE_PASSWORD") : Json.createArrayBuilder())
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", provisional)))
                .build().toString();
        HttpResponse<String> response = send(request("/admin/realms/" + REALM + "/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        expect(response, 201);
    }

    /** Gives the user a definitive password and clears pending actions. */
    public void setPassword(String username, String password) throws IOException, InterruptedException {
        String id = userId(username);
        String body = Json.createObjectBuilder().add("type", "password").add("value", password)
                .add("temporary", false).build().toString();
        expect(send(request("/admin/realms/" + REALM + "/users/" + id + "/reset-password")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))), 204);
        String clear = Json.createObjectBuilder().add("requiredActions", Json.createArrayBuilder()).build().toString();
        expect(send(request("/admin/realms/" + REALM + "/users/" + id)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(clear))), 204);
    }

    /** The user's e-mail as Keycloak holds it (null when none). */
    public String email(String username) throws IOException, InterruptedException {
        JsonObject user = user(username);
        return user.containsKey("email") ? user.getString("email") : null;
    }

    /**
     * Changes the user's e-mail as an administrator can (users themselves cannot): the state an attack on the
     * profile, or an administrator's slip, would leave behind.
     */
    public void setEmail(String username, String email) throws IOException, InterruptedException {
        JsonObject user = user(username);
        String body = Json.createObjectBuilder(user).add("email", email).add("emailVerified", true).build()
                .toString();
        expect(send(request("/admin/realms/" + REALM + "/users/" + user.getString("id"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))), 204);
    }

    private JsonObject user(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/admin/realms/" + REALM + "/users/" + userId(username)).GET());
        expect(response, 200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The realm's settings as Keycloak reports them (brute-force detection, password policy …). */
    public JsonObject realm() throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/admin/realms/" + REALM).GET());
        expect(response, 200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /**
     * What Keycloak's brute-force detection holds for the user ({@code numFailures}, {@code disabled} while a
     * temporary lockout runs): the lockout that the web sign-in would meet.
     */
    public JsonObject bruteForceStatus(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/admin/realms/" + REALM + "/attack-detection/brute-force/users/"
                + userId(username)).GET());
        expect(response, 200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Creates a realm role of that name unless the realm has one already. */
    public void ensureRealmRole(String role) throws IOException, InterruptedException {
        HttpResponse<String> created = send(request("/admin/realms/" + REALM + "/roles")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("name", role).build().toString())));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            expect(created, 201);
        }
    }

    /** Gives the user a realm role ({@code admin}, {@code etab-admin}). */
    public void grantRealmRole(String username, String role) throws IOException, InterruptedException {
        HttpResponse<String> found = send(request("/admin/realms/" + REALM + "/roles/"
                + URLEncoder.encode(role, StandardCharsets.UTF_8)).GET());
        expect(found, 200);
        String body = "[" + found.body() + "]";
        expect(send(request("/admin/realms/" + REALM + "/users/" + userId(username) + "/role-mappings/realm")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 204);
    }

    /** The names of the realm roles mapped to the user directly. */
    public List<String> realmRoles(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/admin/realms/" + REALM + "/users/" + userId(username)
                + "/role-mappings/realm").GET());
        expect(response, 200);
        return Json.createReader(new StringReader(response.body())).readArray().stream()
                .map(v -> v.asJsonObject().getString("name")).toList();
    }

    /** The ids of the user's open sessions (the {@code sid} of their tokens). */
    public List<String> sessionIds(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/admin/realms/" + REALM + "/users/" + userId(username)
                + "/sessions").GET());
        expect(response, 200);
        return Json.createReader(new StringReader(response.body())).readArray().stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
    }

    public void deleteUser(String username) throws IOException, InterruptedException {
        String id = findUserId(username);
        if (id != null) {
            send(request("/admin/realms/" + REALM + "/users/" + id).DELETE());
        }
    }

    private String userId(String username) throws IOException, InterruptedException {
        String id = findUserId(username);
        if (id == null) {
            throw new IllegalStateException("No Keycloak user " + username);
        }
        return id;
    }

    private String findUserId(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/admin/realms/" + REALM + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET());
        expect(response, 200);
        JsonArray users = Json.createReader(new StringReader(response.body())).readArray();
        return users.isEmpty() ? null : users.getJsonObject(0).getString("id");
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken());
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(TestEnv.get("PREAU_KEYCLOAK_ADMIN"), StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(TestEnv.get("PREAU_KEYCLOAK_ADMIN_PASSWORD"), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(response, 200);
        JsonObject token = Json.createReader(new StringReader(response.body())).readObject();
        return token.getString("access_token");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.request().uri().getPath() + ": "
                    + response.body());
        }
    }
}

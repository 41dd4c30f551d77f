package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Issue 9, items 1 and 3, attacked as they were found on the running portal: a signed-in user who opens Keycloak's
 * profile action by hand to give themselves another mailbox's e-mail, and a token that Keycloak issued to another
 * client of the realm (Dovecot's) sent to the portal as a bearer token.
 */
class IdentityDoorsIT extends PortalDeployment {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aUserCannotGiveThemselvesAnotherMailboxsEmailOnKeycloaksProfilePage() throws Exception {
        String password = "Salle-des-profs-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String own = TestUser.create("it.profil", "Sacha", "Profil", password, false);
        String target = "securite@" + TestEnv.domain();
        KeycloakAdmin keycloak = new KeycloakAdmin();

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.profil", password);
            // The application-initiated action the attacker typed by hand (kc_action=UPDATE_PROFILE).
            d.get(TestEnv.get("PREAU_OIDC_PROVIDER_URL") + "/protocol/openid-connect/auth?client_id="
                    + TestEnv.get("PREAU_OIDC_CLIENT_ID") + "&redirect_uri="
                    + URLEncoder.encode(Browser.portal() + "/", StandardCharsets.UTF_8)
                    + "&response_type=code&scope=openid&kc_action=UPDATE_PROFILE");
            browser.waitUpTo(30).until(driver -> "complete".equals(
                    ((JavascriptExecutor) driver).executeScript("return document.readyState")));
            browser.screenshot("identity-01-update-profile");
            // Whatever the page shows (read-only fields, or the portal again), the request a crafted form would
            // send: the e-mail and the username (which the realm lets administrators change, for a rename: ADR
            // 0096) made writable and set to another mailbox's, the form posted.
            Object posted = ((JavascriptExecutor) d).executeScript(
                    "const f = document.querySelector('form'); if (!f) { return false; }"
                    + "for (const [name, value] of [['email', arguments[0]], ['username', arguments[1]]]) {"
                    + " let e = f.querySelector('[name=' + name + ']');"
                    + " if (!e) { e = document.createElement('input'); e.type = 'hidden'; e.name = name;"
                    + " f.appendChild(e); }"
                    + " e.removeAttribute('readonly'); e.removeAttribute('disabled'); e.value = value; }"
                    + "window.preauPosted = true; f.submit(); return true;", target, "securite");
            if (Boolean.TRUE.equals(posted)) {
                // The next document has loaded (the marker is gone with the old one).
                browser.waitUpTo(30).until(driver -> !Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript("return window.preauPosted === true ? true : document.readyState !== "
                                + "'complete'")));
                browser.screenshot("identity-02-after-post");
            }
        }
        assertEquals(own, keycloak.email("it.profil"), "the username and the e-mail are the academy's, not the"
                + " user's to edit");

        // And the mailbox of that address is not theirs over IMAP either.
        assertThrowsLogin(target, password);
    }

    @Test
    void aTokenIssuedToAnotherClientOpensNothingInThePortal() throws Exception {
        String password = "Conseil-de-classe-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String address = TestUser.create("it.jeton", "Noa", "Jeton", password, false);
        String subject = "Bulletin confidentiel " + UUID.randomUUID();
        try (ImapProbe master = ImapProbe.asMaster(address)) {
            master.appendText("INBOX", "direction@" + TestEnv.domain(), subject, "Notes du trimestre.");
        }
        // What anyone who knows the password gets from Keycloak for the dovecot client (password grant).
        String token = dovecotToken(address, password);

        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(
                URI.create(Browser.portal() + "/mail/export?dossier=INBOX&format=mbox"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, bearer.statusCode(), bearer.body());
        assertFalse(bearer.body().contains(subject), "no mail for another client's token");

        HttpResponse<String> query = http.send(HttpRequest.newBuilder(
                URI.create(Browser.portal() + "/mail/export?dossier=INBOX&format=mbox&access_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, query.statusCode(), query.body());
        assertFalse(query.body().contains(subject), "no token read from the query string");
        assertTrue(query.statusCode() == 302 || query.statusCode() == 401, "sent to sign in: " + query.statusCode());
    }

    static String dovecotToken(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=dovecot&client_secret="
                + URLEncoder.encode(TestEnv.get("PREAU_DOVECOT_CLIENT_SECRET"), StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&scope=openid";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(TestEnv.get("PREAU_OIDC_PROVIDER_URL") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    private static void assertThrowsLogin(String address, String password) {
        org.junit.jupiter.api.Assertions.assertThrows(jakarta.mail.AuthenticationFailedException.class,
                () -> ImapProbe.login(address, password).close());
    }
}

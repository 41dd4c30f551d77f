package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestUser;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The portal's real responses, read with a plain HTTP client that signs in through Keycloak's login form: security
 * headers on every kind of response, the session cookie's flags, a new session id at sign-in, and POSTs from
 * another site refused.
 */
class SecurityHeadersIT extends PortalDeployment {
    private final PortalHttp visitor = new PortalHttp();

    @Test
    void everyResponseCarriesTheSecurityHeadersAndTheSessionIsProtected() throws Exception {
        String portal = Browser.portal();
        String password = "Emploi-du-temps-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        TestUser.create("it.entetes", "Hugo", "Entêtes", password, false);

        // A public Faces page: PrimeFaces' policy with a nonce, and every script carries it.
        HttpResponse<String> page = get(portal + "/public/deconnexion.xhtml");
        assertEquals(200, page.statusCode());
        assertCommonHeaders(page, "DENY");
        String csp = onlyHeader(page, "Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find(), csp);
        assertFalse(Pattern.compile("(^|;)\\s*script-src\\s[^;]*'unsafe-(inline|eval)'").matcher(csp).find(),
                "no script element without the nonce: " + csp);
        assertScriptsCarry(page.body(), nonce.group(1));

        // Not a Faces page (a servlet): a strict policy without any script.
        HttpResponse<String> entry = get(portal + "/public/entree");
        assertCommonHeaders(entry, "DENY");
        assertTrue(onlyHeader(entry, "Content-Security-Policy").startsWith("default-src 'none'"));

        // Sign in through Keycloak's form; the session id changes at sign-in, the cookie is HttpOnly and Lax.
        HttpResponse<String> login = follow(get(portal + "/mail/inbox.xhtml"));
        String before = sessionId();
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(login.body());
        assertTrue(action.find(), "Keycloak's login form");
        HttpResponse<String> inbox = follow(post(action.group(1).replace("&amp;", "&"),
                "username=it.entetes&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), null));
        assertEquals(200, inbox.statusCode(), inbox.uri().toString());
        assertTrue(inbox.body().contains("folder-title"), "the inbox after sign-in");
        String after = sessionId();
        assertNotEquals(before, after, "a new session id at sign-in (session fixation)");
        assertTrue(visitor.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).allMatch(
                c -> c.contains("HttpOnly") && c.contains("SameSite=Lax")), visitor.setCookies().toString());
        assertCommonHeaders(inbox, "DENY");
        String inboxCsp = onlyHeader(inbox, "Content-Security-Policy");
        Matcher inboxNonce = Pattern.compile("'nonce-([^']+)'").matcher(inboxCsp);
        assertTrue(inboxNonce.find(), inboxCsp);
        assertScriptsCarry(inbox.body(), inboxNonce.group(1));
        assertTrue(inbox.headers().firstValue("Cache-Control").orElse("").contains("no-store"));

        // A form posted from another site is refused and changes nothing; from the portal it signs out.
        HttpResponse<String> forged = post(portal + "/deconnexion", "", "https://attaquant.example");
        assertEquals(403, forged.statusCode());
        assertEquals(200, get(portal + "/mail/inbox.xhtml").statusCode(), "still signed in");
        HttpResponse<String> forgedReferer = send(HttpRequest.newBuilder(URI.create(portal + "/deconnexion"))
                .header("Referer", "https://attaquant.example/page").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, forgedReferer.statusCode());
        HttpResponse<String> signOut = post(portal + "/deconnexion", "", portal);
        assertEquals(302, signOut.statusCode());
        assertTrue(signOut.headers().firstValue("Location").orElse("").contains("/protocol/openid-connect/logout"));
        assertEquals(302, get(portal + "/mail/inbox.xhtml").statusCode(), "signed out: back to Keycloak");
    }

    @Test
    void keycloakDetectsBruteForceWithTemporaryLockouts() throws Exception {
        JsonObject realm = new KeycloakAdmin().realm();
        assertTrue(realm.getBoolean("bruteForceProtected"), "brute-force detection on");
        assertFalse(realm.getBoolean("permanentLockout"), "temporary lockouts (a typo in Thunderbird must heal)");
        assertTrue(realm.getInt("failureFactor") <= 10, realm.toString());
    }

    private static void assertCommonHeaders(HttpResponse<?> response, String frameOptions) {
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(frameOptions, response.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null));
        assertTrue(response.headers().firstValue("Permissions-Policy").orElse("").contains("camera=()"));
    }

    private static String onlyHeader(HttpResponse<?> response, String name) {
        List<String> values = response.headers().allValues(name);
        assertEquals(1, values.size(), name + ": " + values);
        return values.get(0);
    }

    /** Every script element carries the response's nonce, and no inline event handler is left. */
    private static void assertScriptsCarry(String html, String nonce) {
        Matcher script = Pattern.compile("<script\\b[^>]*>").matcher(html);
        int scripts = 0;
        while (script.find()) {
            scripts++;
            assertTrue(script.group().contains("src=") || script.group().contains("nonce=\"" + nonce + "\""),
                    script.group());
        }
        assertTrue(scripts > 0);
        assertFalse(Pattern.compile("<[^>]+\\son(click|change|submit|load|keydown)=", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), "an inline event handler would be refused by the policy");
    }

    private String sessionId() {
        return visitor.cookie("JSESSIONID");
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        return visitor.follow(response);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return visitor.get(url);
    }

    private HttpResponse<String> post(String url, String form, String origin)
            throws IOException, InterruptedException {
        return visitor.post(url, form, origin);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return visitor.send(request);
    }
}

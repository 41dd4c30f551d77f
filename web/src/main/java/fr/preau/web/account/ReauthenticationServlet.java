package fr.preau.web.account;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import fr.preau.shared.Deployment;
import fr.preau.web.shared.PortalAddress;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Asks the signed-in user to type their credentials again at Keycloak before an action that changes how the
 * account is protected ({@link fr.preau.identity.RecentSignIn}, docs/adr/0077). {@code /compte/identite?retour=…}
 * sends the browser to Keycloak's authorization endpoint with {@code max_age=0} and {@code prompt=login} (Keycloak
 * asks for the password, and the second factor if there is one, even within its own session), a random state and
 * nonce kept in the portal session. Keycloak sends it back to {@code /compte/identite-retour}, where the code is
 * exchanged directly with Keycloak's token endpoint (the portal's confidential client): the ID token's nonce, audience
 * and user must match, and its {@code auth_time} becomes this session's latest sign-in
 * ({@link #REAUTHENTICATED_AT}). The browser then goes back to the page it came from (a page of the portal only).
 */
@WebServlet({"/compte/identite", "/compte/identite-retour"})
public class ReauthenticationServlet extends HttpServlet {
    /** Session attribute: the {@code auth_time} (Instant) of the latest re-authentication of this session. */
    public static final String REAUTHENTICATED_AT = ReauthenticationServlet.class.getName() + ".at";
    private static final String PENDING = ReauthenticationServlet.class.getName() + ".pending";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ReauthenticationServlet.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PAGE = Pattern.compile("/(account|mail)/[a-z-]+\\.xhtml");
    private static final String DEFAULT_PAGE = "/account/security.xhtml";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Where the user was, kept while they are at Keycloak. */
    private record Pending(String state, String nonce, String page) implements java.io.Serializable {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("-retour")) {
            back(request, response);
        } else {
            start(request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSecurityContext oidc = KeycloakSessionId.context(request);
        String page = request.getParameter("retour");
        page = page != null && PAGE.matcher(page).matches() ? page : DEFAULT_PAGE;
        if (oidc == null || oidc.getToken() == null) {
            response.sendRedirect(request.getContextPath() + page);
            return;
        }
        Pending pending = new Pending(random(), random(), page);
        request.getSession().setAttribute(PENDING, pending);
        String url = oidc.getToken().getIssuer() + "/protocol/openid-connect/auth"
                + "?client_id=" + encode(clientId(oidc))
                + "&redirect_uri=" + encode(returnAddress())
                + "&response_type=code&scope=openid&max_age=0&prompt=login"
                + "&state=" + pending.state() + "&nonce=" + pending.nonce()
                + "&login_hint=" + encode(request.getRemoteUser())
                + "&ui_locales=" + encode(request.getLocale().getLanguage());
        response.sendRedirect(url);
    }

    private void back(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        Object attribute = session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        OidcSecurityContext oidc = KeycloakSessionId.context(request);
        String code = request.getParameter("code");
        if (!(attribute instanceof Pending pending)) {
            response.sendRedirect(request.getContextPath() + DEFAULT_PAGE);
            return;
        }
        if (oidc != null && oidc.getToken() != null && code != null
                && pending.state().equals(request.getParameter("state"))) {
            try {
                Instant at = verifiedAuthTime(oidc, request, code, pending.nonce());
                if (at != null) {
                    session.setAttribute(REAUTHENTICATED_AT, at);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Re-authentication of " + request.getRemoteUser() + " not confirmed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        response.sendRedirect(request.getContextPath() + pending.page());
    }

    /** The {@code auth_time} of the ID token the code is exchanged for, if it is this user's and this request's. */
    private Instant verifiedAuthTime(OidcSecurityContext oidc, HttpServletRequest request, String code, String nonce)
            throws IOException, InterruptedException {
        String clientId = clientId(oidc);
        String secret = Deployment.oidcClientSecret();
        String form = "grant_type=authorization_code&code=" + encode(code)
                + "&redirect_uri=" + encode(returnAddress())
                + "&client_id=" + encode(clientId) + "&client_secret=" + encode(secret == null ? "" : secret);
        HttpRequest exchange = HttpRequest.newBuilder(URI.create(oidc.getToken().getIssuer()
                + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer = HTTP.send(exchange, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != HttpServletResponse.SC_OK) {
            LOG.warning("Keycloak refused the re-authentication code: " + answer.statusCode());
            return null;
        }
        // Received directly from the token endpoint with the client's secret (OIDC Core 3.1.3.7): the claims are
        // checked, the signature is not needed.
        JsonObject idToken = claims(json(answer.body()).getString("id_token"));
        boolean audience = switch (idToken.get("aud") == null ? JsonValue.ValueType.NULL
                : idToken.get("aud").getValueType()) {
            case STRING -> clientId.equals(idToken.getString("aud"));
            case ARRAY -> idToken.getJsonArray("aud").getValuesAs(JsonValue::toString)
                    .contains('"' + clientId + '"');
            default -> false;
        };
        if (!audience || !nonce.equals(idToken.getString("nonce", ""))
                || !oidc.getToken().getIssuer().equals(idToken.getString("iss", ""))
                || !String.valueOf(request.getRemoteUser()).equals(idToken.getString("preferred_username", ""))
                || !idToken.containsKey("auth_time")) {
            LOG.warning("Re-authentication ID token does not match the signed-in user");
            return null;
        }
        return Instant.ofEpochSecond(idToken.getJsonNumber("auth_time").longValue());
    }

    private static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String clientId(OidcSecurityContext oidc) {
        String azp = oidc.getToken().getClaimValueAsString("azp");
        return azp != null ? azp : Deployment.oidcClientId();
    }

    private static String returnAddress() {
        return PortalAddress.base() + "/compte/identite-retour";
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

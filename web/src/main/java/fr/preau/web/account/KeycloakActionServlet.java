package fr.preau.web.account;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import fr.preau.identity.KeycloakAction;
import fr.preau.web.shared.PortalAddress;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Sends the browser to Keycloak for an application-initiated action ({@code kc_action} on the authorization
 * endpoint: change the password, enrol an authenticator app or a security key); Keycloak sends it back to
 * {@link KeycloakActionReturnServlet} with {@code kc_action_status}. The action and a random state are kept in the
 * session, so only a return to an action this session started is taken into account. POST only (from the security
 * page's buttons), so no link elsewhere can start one.
 */
@WebServlet("/compte/action")
public class KeycloakActionServlet extends HttpServlet {
    static final String PENDING = KeycloakActionServlet.class.getName() + ".pending";
    static final String STATE = KeycloakActionServlet.class.getName() + ".state";
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        KeycloakAction action = KeycloakAction.parse(request.getParameter("action")).orElse(null);
        OidcSecurityContext oidc = (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName());
        if (action == null || oidc == null || oidc.getToken() == null) {
            response.sendRedirect(request.getContextPath() + "/account/security.xhtml");
            return;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        HttpSession session = request.getSession();
        session.setAttribute(PENDING, action.name());
        session.setAttribute(STATE, state);
        String clientId = oidc.getToken().getClaimValueAsString("azp");
        String url = oidc.getToken().getIssuer() + "/protocol/openid-connect/auth"
                + "?client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(PortalAddress.base() + "/compte/retour")
                + "&response_type=code&scope=openid"
                + "&state=" + state
                + "&kc_action=" + encode(action.keycloakName())
                + "&ui_locales=" + encode(request.getLocale().getLanguage());
        response.sendRedirect(url);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/account/security.xhtml");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

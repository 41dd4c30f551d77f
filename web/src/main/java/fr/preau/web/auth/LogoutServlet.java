package fr.preau.web.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.web.shared.PortalAddress;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * "Se déconnecter": ends the portal session, then sends the browser to Keycloak's end-session endpoint so that the
 * single sign-on session ends too (RP-initiated logout), and back to a public page that says so. POST only, so that
 * no link or image elsewhere can sign a user out (and {@code SecurityHeadersFilter} refuses a POST from another
 * site). Audited as SIGN_OUT.
 */
@WebServlet("/deconnexion")
public class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    private transient Event<AuditEvent> audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSecurityContext oidc = (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName());
        String user = request.getRemoteUser();
        if (user != null) {
            audit.fire(AuditEvent.of(AuditAction.SIGN_OUT, user, user, request.getRemoteAddr(), true, null));
        }
        String done = PortalAddress.base() + "/public/deconnexion.xhtml";
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            // The session is already gone; nothing more to end locally.
        }
        if (oidc == null || oidc.getToken() == null || oidc.getIDTokenString() == null) {
            response.sendRedirect(done);
            return;
        }
        String endSession = oidc.getToken().getIssuer() + "/protocol/openid-connect/logout"
                + "?id_token_hint=" + encode(oidc.getIDTokenString())
                + "&post_logout_redirect_uri=" + encode(done);
        response.sendRedirect(endSession);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/mail/inbox.xhtml");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package fr.preau.web.account;

import java.io.IOException;
import java.time.Instant;

import fr.preau.identity.RecentSignIn;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Tells the services when the user of this request last typed their credentials ({@link RecentSignIn}): the
 * {@code auth_time} Keycloak put in the ID token of the sign-in, or the time of a later re-authentication
 * ({@link ReauthenticationServlet}), whichever is newer.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RecentSignInFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    private RecentSignIn recent;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRemoteUser() != null) {
            OidcSecurityContext oidc = KeycloakSessionId.context(request);
            if (oidc != null) {
                recent.signedInAt(authTime(oidc.getIDToken()));
            }
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(ReauthenticationServlet.REAUTHENTICATED_AT)
                    instanceof Instant again) {
                recent.signedInAt(again);
            }
        }
        chain.doFilter(request, response);
    }

    private static Instant authTime(JsonWebToken token) {
        if (token == null) {
            return null;
        }
        Object seconds = token.getClaimValue("auth_time");
        return seconds instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    }
}

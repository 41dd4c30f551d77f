package fr.preau.web.account;

import jakarta.servlet.http.HttpServletRequest;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/** The Keycloak session a portal request belongs to: the {@code sid} claim (ID token, else access token). */
public final class KeycloakSessionId {
    private KeycloakSessionId() {
    }

    public static String of(HttpServletRequest request) {
        OidcSecurityContext oidc = context(request);
        if (oidc == null) {
            return null;
        }
        String sid = claim(oidc.getIDToken());
        return sid != null ? sid : claim(oidc.getToken());
    }

    /** The OIDC sign-in of the request (its tokens), or null when it has none. */
    static OidcSecurityContext context(HttpServletRequest request) {
        Object attribute = request.getAttribute(OidcSecurityContext.class.getName());
        if (attribute == null && request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
            attribute = principal.getOidcSecurityContext();
        }
        return attribute instanceof OidcSecurityContext oidc ? oidc : null;
    }

    private static String claim(JsonWebToken token) {
        return token == null ? null : token.getClaimValueAsString("sid");
    }
}

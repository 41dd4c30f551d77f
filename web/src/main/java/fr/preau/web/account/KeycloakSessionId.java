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
        Object attribute = request.getAttribute(OidcSecurityContext.class.getName());
        if (attribute == null && request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
            attribute = principal.getOidcSecurityContext();
        }
        if (!(attribute instanceof OidcSecurityContext oidc)) {
            return null;
        }
        String sid = claim(oidc.getIDToken());
        return sid != null ? sid : claim(oidc.getToken());
    }

    private static String claim(JsonWebToken token) {
        return token == null ? null : token.getClaimValueAsString("sid");
    }
}

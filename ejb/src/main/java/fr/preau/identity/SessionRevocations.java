package fr.preau.identity;

import java.util.Collection;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Keycloak sessions ended from the portal (table {@code revoked_session}, {@link RevokedSessions}): the portal's own
 * session built on such a Keycloak session is signed out at its next page
 * ({@code fr.preau.web.account.RevokedSessionFilter}), on every WildFly node, instead of living on until its access
 * token expires.
 */
@Stateless
@PermitAll
public class SessionRevocations {
    @Inject
    private RevokedSessions rows;

    public boolean isRevoked(String sid) {
        return sid != null && rows.contains(sid);
    }

    public void revoke(Collection<String> sids) {
        rows.add(sids);
    }
}

package fr.preau.identity;

import java.util.Collection;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keycloak sessions ended from the portal (table {@code revoked_session}): the portal's own session built on such a
 * Keycloak session is signed out at its next page ({@code fr.preau.web.account.RevokedSessionFilter}), on every
 * WildFly node, instead of living on until its access token expires.
 */
@Stateless
@PermitAll
public class SessionRevocations {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public boolean isRevoked(String sid) {
        return sid != null && !em.createNativeQuery("select 1 from revoked_session where sid = ?1")
                .setParameter(1, sid).getResultList().isEmpty();
    }

    public void revoke(Collection<String> sids) {
        for (String sid : sids) {
            em.createNativeQuery("insert into revoked_session (sid) values (?1) on conflict (sid) do nothing")
                    .setParameter(1, sid).executeUpdate();
        }
        em.createNativeQuery("delete from revoked_session where revoked_at < now() - interval '1 day'")
                .executeUpdate();
    }
}

package fr.preau.identity;

import java.util.Collection;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of table {@code revoked_session}: Keycloak session ids ended from the portal, kept for a day. */
@ApplicationScoped
@Repository
public class RevokedSessions {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public boolean contains(String sid) {
        return !em.createNativeQuery("select 1 from revoked_session where sid = ?1").setParameter(1, sid)
                .getResultList().isEmpty();
    }

    /** Adds these sessions (once each) and forgets the ones revoked more than a day ago. */
    public void add(Collection<String> sids) {
        for (String sid : sids) {
            em.createNativeQuery("insert into revoked_session (sid) values (?1) on conflict (sid) do nothing")
                    .setParameter(1, sid).executeUpdate();
        }
        em.createNativeQuery("delete from revoked_session where revoked_at < now() - interval '1 day'")
                .executeUpdate();
    }
}

package fr.preau.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of table {@code session_device}: the User-Agent a Keycloak session signed in with, kept 60 days. */
@ApplicationScoped
@Repository
public class SessionDeviceRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Records the session's browser (nothing if it was already recorded); forgets the rows older than 60 days. */
    public void record(String sessionId, String username, String userAgent) {
        em.createNativeQuery("delete from session_device where created_at < now() - interval '60 days'")
                .executeUpdate();
        em.createNativeQuery("insert into session_device (session_id, username, user_agent) values (?1, ?2, ?3) "
                + "on conflict (session_id) do nothing")
                .setParameter(1, sessionId).setParameter(2, username).setParameter(3, userAgent).executeUpdate();
    }

    /** The User-Agent recorded for each of these sessions of {@code username}, by session id. */
    public Map<String, String> agents(String username, List<String> sessionIds) {
        Map<String, String> result = new HashMap<>();
        List<?> rows = em.createNativeQuery("select session_id, user_agent from session_device "
                + "where username = ?1 and session_id = any(cast(?2 as varchar[]))")
                .setParameter(1, username).setParameter(2, "{" + String.join(",", sessionIds.stream()
                        .map(id -> id.replaceAll("[^A-Za-z0-9_-]", "")).toList()) + "}")
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            result.put((String) r[0], (String) r[1]);
        }
        return result;
    }
}

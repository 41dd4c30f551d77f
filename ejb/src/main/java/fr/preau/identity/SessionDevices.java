package fr.preau.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The User-Agent each portal session signed in with (table {@code session_device}), keyed by Keycloak's session id:
 * Keycloak's admin API lists sessions without it. Written once per session by the sign-in filter.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SessionDevices {
    private static final int MAX_AGENT = 512;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Records the browser of a session that has just signed in (nothing if it was already recorded). */
    public void record(String sessionId, String username, String userAgent) {
        if (sessionId == null || sessionId.isBlank() || userAgent == null || userAgent.isBlank()) {
            return;
        }
        em.createNativeQuery("delete from session_device where created_at < now() - interval '60 days'")
                .executeUpdate();
        em.createNativeQuery("insert into session_device (session_id, username, user_agent) values (?1, ?2, ?3) "
                + "on conflict (session_id) do nothing")
                .setParameter(1, sessionId).setParameter(2, username)
                .setParameter(3, userAgent.length() > MAX_AGENT ? userAgent.substring(0, MAX_AGENT) : userAgent)
                .executeUpdate();
    }

    /** "Firefox 145 · Windows 10" for each of these sessions whose browser was recorded and recognised. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> labels(String username, List<String> sessionIds) {
        Map<String, String> result = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return result;
        }
        List<?> rows = em.createNativeQuery("select session_id, user_agent from session_device "
                + "where username = ?1 and session_id = any(cast(?2 as varchar[]))")
                .setParameter(1, username).setParameter(2, "{" + String.join(",", sessionIds.stream()
                        .map(id -> id.replaceAll("[^A-Za-z0-9_-]", "")).toList()) + "}")
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String label = DeviceLabel.of((String) r[1]);
            if (label != null) {
                result.put((String) r[0], label);
            }
        }
        return result;
    }
}

package fr.preau.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The User-Agent each portal session signed in with (table {@code session_device}), keyed by Keycloak's session id:
 * Keycloak's admin API lists sessions without it. Written once per session by the sign-in filter; the rows are
 * {@link SessionDeviceRows}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SessionDevices {
    private static final int MAX_AGENT = 512;

    @Inject
    private SessionDeviceRows rows;

    /** Records the browser of a session that has just signed in (nothing if it was already recorded). */
    public void record(String sessionId, String username, String userAgent) {
        if (sessionId == null || sessionId.isBlank() || userAgent == null || userAgent.isBlank()) {
            return;
        }
        rows.record(sessionId, username,
                userAgent.length() > MAX_AGENT ? userAgent.substring(0, MAX_AGENT) : userAgent);
    }

    /** "Firefox 145 · Windows 10" for each of these sessions whose browser was recorded and recognised. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> labels(String username, List<String> sessionIds) {
        Map<String, String> result = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return result;
        }
        rows.agents(username, sessionIds).forEach((id, agent) -> {
            String label = DeviceLabel.of(agent);
            if (label != null) {
                result.put(id, label);
            }
        });
        return result;
    }
}

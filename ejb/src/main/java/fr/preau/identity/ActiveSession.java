package fr.preau.identity;

import java.time.Instant;
import java.util.List;

/**
 * One of the signed-in user's Keycloak sessions: a browser signed in to the portal, or a mail client's password
 * check (client {@code dovecot}).
 *
 * @param id Keycloak's session id
 * @param ipAddress where it was opened from
 * @param started when
 * @param lastAccess last activity
 * @param clients the applications it is used by (client ids: {@code preau-portal}, {@code dovecot})
 * @param device the browser and system it signed in with ("Firefox 145 · Windows 10"), or null when unknown (a mail
 *     client, a session opened before the portal recorded it)
 */
public record ActiveSession(String id, String ipAddress, Instant started, Instant lastAccess, List<String> clients,
        String device) {
}

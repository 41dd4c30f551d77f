package fr.preau.audit;

import java.time.Instant;

/**
 * Criteria of an administrator's search in the audit log; {@code null} means "any".
 *
 * @param user a username that acted or was concerned (exact, case-insensitive)
 * @param action the action
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param success the outcome
 */
public record AuditQuery(String user, AuditAction action, Instant from, Instant to, Boolean success) {
    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null);
    }
}

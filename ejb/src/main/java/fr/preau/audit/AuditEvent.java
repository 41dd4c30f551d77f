package fr.preau.audit;

import java.time.Instant;

/**
 * One audited action, fired as a CDI event ({@code @Inject Event<AuditEvent>}) by the code that performed it; the
 * audit log observes and stores it (append-only).
 *
 * @param action what was done
 * @param actor who did it (username), or {@code null} for the system (nightly job)
 * @param subject whom or what it concerned (username, app password name …); the actor when acting on oneself
 * @param ip the client's address when known
 * @param success whether it succeeded
 * @param detail a short free text (never a secret)
 * @param at when
 */
public record AuditEvent(AuditAction action, String actor, String subject, String ip, boolean success,
        String detail, Instant at) {

    public static AuditEvent of(AuditAction action, String actor, String subject, String ip, boolean success,
            String detail) {
        return new AuditEvent(action, actor, subject, ip, success, detail, Instant.now());
    }
}

package fr.preau.mail.schedule;

import java.time.Instant;

/** A scheduled message as the Planifiés page shows it and the compose page reopens it. */
public record ScheduledItem(long id, Instant dueAt, String to, String subject, ScheduledState state,
        String lastError, Instant sentAt) {

    static ScheduledItem of(ScheduledMessage m) {
        return new ScheduledItem(m.getId(), m.getDueAt().toInstant(), m.getToText(), m.getSubject(), m.getState(),
                m.getLastError(),
                m.getSentAt() == null ? null : m.getSentAt().toInstant());
    }

    /** Whether the user may still edit or cancel it. */
    public boolean changeable() {
        return state == ScheduledState.PLANNED || state == ScheduledState.FAILED;
    }
}

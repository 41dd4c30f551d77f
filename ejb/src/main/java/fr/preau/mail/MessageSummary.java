package fr.preau.mail;

import java.io.Serializable;
import java.time.Instant;

/** One row of the message list. {@code from} is null when the header is missing or unreadable. */
public record MessageSummary(MessageUid uid, MailAddress from, String subject, Instant date, long size,
        boolean seen, boolean flagged, boolean answered) implements Serializable {
}

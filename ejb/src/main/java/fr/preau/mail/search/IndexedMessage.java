package fr.preau.mail.search;

import java.time.Instant;

/**
 * One message as the index keeps it: what the result list shows, and the folded words of each searchable field
 * ({@link Folding#fold}).
 */
public record IndexedMessage(String folder, long uid, long uidValidity, Instant date, String fromLabel,
        String subject, long size, boolean attachment, String fromWords, String recipientWords, String subjectWords,
        String bodyWords, String attachmentWords) {
}

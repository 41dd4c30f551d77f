package fr.preau.mail;

import java.time.Instant;
import java.util.List;

/**
 * The words of a message, for the search index: what the result list shows and each searchable field's text.
 *
 * @param date the Date header, else the arrival date (may be null)
 * @param from the senders, names and addresses
 * @param recipients To, Cc and Bcc, names and addresses
 * @param text the readable text of the first part of the message
 * @param attachments the names of its attachments
 */
public record MessageText(long uid, Instant date, long size, String fromLabel, String from, String recipients,
        String subject, String text, List<String> attachments) {
}

package fr.preau.mail;

/**
 * A message opened from a link with the mail page around it, read over one IMAP connection.
 *
 * @param message the opened message, or null when it could not be opened
 * @param openFailure why it could not be opened (gone, moved), or null; the page is shown all the same
 */
public record OpenedOverview(MailboxOverview overview, MessageContent message, RuntimeException openFailure) {
}

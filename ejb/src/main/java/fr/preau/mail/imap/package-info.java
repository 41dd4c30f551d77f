/**
 * The adapter to Dovecot (IMAP) and Postfix (SMTP submission) behind the {@link fr.preau.mail.Mailbox} port
 * ({@link fr.preau.mail.imap.ImapMailbox}, docs/adr/0085): connector, commands, parsing, MIME building, sending. It is
 * the only package that knows Jakarta Mail and no feature package is known to it (ArchitectureTest). It signs in as
 * the context's owner through Dovecot's master user, closes every store and folder it opens, and reports a server
 * that does not answer as {@link fr.preau.shared.ServiceUnavailableException}.
 */
package fr.preau.mail.imap;

/**
 * Reading and sending mail as the signed-in user. Services speak in value types ({@link fr.preau.mail.FolderPath},
 * {@link fr.preau.mail.MessageUid}, {@link fr.preau.mail.MailAddress}) and reach the store through the
 * {@link fr.preau.mail.Mailbox} port (docs/adr/0085); only the {@code imap} adapter, which implements it, knows
 * Jakarta Mail. Every call goes through {@link fr.preau.mail.MailboxAccess}, the one place that decides whose
 * mailbox the caller may reach.
 */
package fr.preau.mail;

/**
 * Writing mail, store-independent: quoting a reply or a forward, the HTML body and its snippets, the reply target and
 * mode, the refusal a page shows when a message was not sent, and the temporary files of attachments being written.
 * Building the MIME message and sending it are the adapter's ({@code fr.preau.mail.imap}, behind
 * {@link fr.preau.mail.Mailbox}).
 */
package fr.preau.mail.compose;

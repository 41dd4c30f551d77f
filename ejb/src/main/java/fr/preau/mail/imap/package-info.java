/**
 * The adapter to Dovecot (IMAP) and Postfix (SMTP submission): the only package that knows Jakarta Mail. It signs
 * in as the user through Dovecot's master user, closes every store and folder it opens, and reports a server that
 * does not answer as {@link fr.preau.shared.ServiceUnavailableException}.
 */
package fr.preau.mail.imap;

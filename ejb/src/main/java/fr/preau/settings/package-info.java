/** Settings of the academy (administration); a mailbox's preferences are {@code fr.preau.mail.MailboxSettings}. */
package fr.preau.settings;

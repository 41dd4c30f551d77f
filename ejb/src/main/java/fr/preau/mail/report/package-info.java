/**
 * Reports of unwanted mail: "Indésirable" (spam) and "Hameçonnage" (phishing). The message leaves the inbox with an
 * IMAP MOVE and the academy's security team receives the original, byte for byte, as a {@code message/rfc822}
 * attachment.
 */
package fr.preau.mail.report;

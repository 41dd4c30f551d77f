/**
 * Read receipts (RFC 8098): the user answers the receipt a message asks for, and it is sent or declined once; the
 * question itself comes with the opened message ({@link fr.preau.mail.ReceiptRequest}), the receipt leaves through
 * the {@link fr.preau.mail.Mailbox} port.
 */
package fr.preau.mail.receipt;

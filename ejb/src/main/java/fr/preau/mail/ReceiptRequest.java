package fr.preau.mail;

import java.io.Serializable;

/**
 * A read receipt a message asks for (its {@code Disposition-Notification-To}), not answered yet.
 *
 * @param to where the receipt would go
 * @param notTheSender the address is not the message's envelope sender (its {@code Return-Path}, written by the
 *     server at delivery): RFC 8098 section 2.1 says to send such a receipt only with the user's informed consent, so
 *     the question says so (anyone can put a third party's address in that header and have the user's address write
 *     to it)
 */
public record ReceiptRequest(MailAddress to, boolean notTheSender) implements Serializable {
}

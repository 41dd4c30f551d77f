package fr.preau.mail;

import java.io.Serializable;
import java.util.List;

/**
 * A message opened for reading.
 *
 * @param text the readable plain text (the text/plain part, else the text of the HTML part)
 * @param html true when the message has an HTML part: it is shown sanitised in a sandboxed frame
 *     ({@link ReadingService#body}), not from this record
 * @param attachments the downloadable parts (inline images referenced by the HTML are not listed)
 * @param problems what could not be decoded; the rest is shown
 * @param externalSender the message entered through inbound SMTP (from outside the academy); for a message put in the
 *        mailbox over IMAP, the sender's domain is not one of the academy's (or the sender is unknown)
 * @param remoteImages how many remote images the HTML refers to (blocked until the user allows them)
 * @param imagesTrusted the user chose to always show remote images from this sender
 * @param receipt the read receipt the message asks for and that was not answered yet, as read when the message was
 *     opened; or null
 */
public record MessageContent(MessageSummary summary, List<MailAddress> to, List<MailAddress> cc, String text,
        boolean html, List<Attachment> attachments, List<ReadingProblem> problems, boolean externalSender,
        int remoteImages, boolean imagesTrusted, ReceiptRequest receipt) implements Serializable {

    /** Who asks for a read receipt not answered yet, or null. */
    public MailAddress receiptAsker() {
        return receipt == null ? null : receipt.to();
    }

    /** The receipt would go to another address than the message's sender (RFC 8098: the question says so). */
    public boolean receiptNotTheSender() {
        return receipt != null && receipt.notTheSender();
    }

    /** True when a part could not be decoded and was shown as well as possible. */
    public boolean decodingProblem() {
        return !problems.isEmpty();
    }

    /** The names of the listed attachments. */
    public List<String> attachmentNames() {
        return attachments.stream().filter(a -> !a.inline()).map(Attachment::name).toList();
    }

    /** The attachments the user sees in the list (not the inline images of the HTML). */
    public List<Attachment> listedAttachments() {
        return attachments.stream().filter(a -> !a.inline()).toList();
    }
}

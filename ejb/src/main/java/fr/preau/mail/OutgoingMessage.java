package fr.preau.mail;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;


/**
 * A message the user wrote, recipients already parsed. The subject never contains line breaks. When {@code html} is
 * given it is sanitized and {@code text} becomes its generated text/plain alternative. {@code inReplyTo} and
 * {@code references} hold message ids ({@code <id@host>}); any other value is dropped, so no header can be injected
 * through them.
 */
public record OutgoingMessage(List<MailAddress> to, List<MailAddress> cc, List<MailAddress> bcc, String subject,
        String text, String html, List<OutgoingAttachment> attachments, String inReplyTo, List<String> references,
        boolean receiptRequested) implements Serializable {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s\\p{Cntrl}]{1,250}>");

    public OutgoingMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        subject = subject == null ? "" : subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        html = html == null || html.isBlank() ? null : HtmlBody.sanitize(html);
        text = html != null ? HtmlBody.toPlainText(html) : text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        inReplyTo = isMessageId(inReplyTo) ? inReplyTo : null;
        references = references == null ? List.of()
                : references.stream().filter(OutgoingMessage::isMessageId).toList();
    }

    /** A plain-text message without Bcc, attachment or thread. */
    public OutgoingMessage(List<MailAddress> to, List<MailAddress> cc, String subject, String text) {
        this(to, cc, List.of(), subject, text, null, List.of(), null, List.of(), false);
    }

    /** True if the value is one message id {@code <…>} without space or control character. */
    public static boolean isMessageId(String value) {
        return value != null && MESSAGE_ID.matcher(value).matches();
    }

    /** Every recipient: To, Cc and Bcc. */
    public List<MailAddress> allRecipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    /** Total size of the attachments, in bytes. */
    public long attachmentBytes() {
        return attachments.stream().mapToLong(OutgoingAttachment::size).sum();
    }

    /** The same message with other attachments. */
    public OutgoingMessage withAttachments(List<OutgoingAttachment> files) {
        return new OutgoingMessage(to, cc, bcc, subject, text, html, files, inReplyTo, references, receiptRequested);
    }
}

package fr.preau.mail.imap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import fr.preau.mail.AttachmentSource;
import fr.preau.mail.FolderPath;
import fr.preau.mail.HeaderText;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.TempFiles;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads back what {@link MessageBuilder} wrote (a draft reopened), or the parts of a received message a reply or a
 * forward reuses: its text, its HTML, its attachments. An attachment of a message in the mailbox becomes a reference
 * to its part (read only from the structure the server describes, never downloaded here); one of a message given as
 * bytes is copied to a temporary file ({@link TempFiles}).
 */
public final class MessageParts {
    /** 57 bytes per base64 line of 76 characters and a line break. */
    private static final int BASE64_LINE = 78;
    private static final int BASE64_BYTES = 57;

    private final FolderPath folder;
    private final MessageUid uid;
    private String text;
    private String html;
    private final List<OutgoingAttachment> attachments = new ArrayList<>();

    private MessageParts(FolderPath folder, MessageUid uid) {
        this.folder = folder;
        this.uid = uid;
    }

    /** Walks the parts of a message held whole (its attachments are copied to temporary files). */
    public static MessageParts of(Part message) throws MessagingException, IOException {
        return of(message, null, null);
    }

    /**
     * Walks the parts of the message {@code uid} of {@code folder} in the mailbox: its attachments refer to their
     * parts.
     */
    public static MessageParts of(Part message, FolderPath folder, MessageUid uid)
            throws MessagingException, IOException {
        MessageParts parts = new MessageParts(folder, uid);
        parts.walk(message, "");
        return parts;
    }

    /** A draft held whole as the user left it: recipients, subject, body, attachments, thread, receipt request. */
    public static OutgoingMessage draft(MimeMessage m) throws MessagingException, IOException {
        return draft(m, null, null);
    }

    /** A draft of the mailbox (its attachments refer to its parts). */
    public static OutgoingMessage draft(MimeMessage m, FolderPath folder, MessageUid uid)
            throws MessagingException, IOException {
        MessageParts parts = of(m, folder, uid);
        String html = parts.html == null ? null : bodyOf(parts.html);
        return new OutgoingMessage(addresses(m.getRecipients(Message.RecipientType.TO)),
                addresses(m.getRecipients(Message.RecipientType.CC)),
                addresses(m.getRecipients(Message.RecipientType.BCC)), HeaderText.of(m.getSubject()),
                parts.text, html, parts.attachments, header(m, "In-Reply-To"),
                header(m, "References") == null ? List.of()
                        : Arrays.asList(header(m, "References").trim().split("\\s+")),
                m.getHeader(MessageBuilder.DISPOSITION_NOTIFICATION_TO) != null);
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public List<OutgoingAttachment> attachments() {
        return attachments;
    }

    /** {@code section}: the IMAP part number, empty for the message itself. */
    private void walk(Part part, String section) throws MessagingException, IOException {
        boolean top = section.isEmpty();
        String type = part.getContentType() == null ? "text/plain"
                : part.getContentType().toLowerCase(Locale.ROOT);
        String disposition = part.getDisposition();
        boolean attachment = !top && (Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null
                || type.startsWith("message/rfc822"));
        if (attachment) {
            attachments.add(attachment(part, type.split(";")[0].trim(), section));
        } else if (type.startsWith("multipart/")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                walk(multi.getBodyPart(i), (top ? "" : section + ".") + (i + 1));
            }
        } else if (type.startsWith("text/html") && html == null) {
            html = String.valueOf(part.getContent());
        } else if (type.startsWith("text/") && text == null) {
            text = String.valueOf(part.getContent());
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return part.isMimeType("message/rfc822") ? "message.eml" : null;
        }
        try {
            return HeaderText.of(MimeUtility.decodeText(name));
        } catch (java.io.UnsupportedEncodingException e) {
            return HeaderText.of(name);
        }
    }

    private OutgoingAttachment attachment(Part part, String type, String section)
            throws MessagingException, IOException {
        if (folder != null) {
            return new OutgoingAttachment(fileName(part), type, decodedSize(part),
                    new AttachmentSource.MessagePart(folder, uid, section));
        }
        try (InputStream in = content(part)) {
            return TempFiles.spool(fileName(part), type, in);
        }
    }

    /** The bytes of a part as they will be attached again: decoded, or a forwarded message as it is. */
    private static InputStream content(Part part) throws MessagingException, IOException {
        if (part.isMimeType("message/rfc822") && part instanceof MimeBodyPart body) {
            return body.getRawInputStream();
        }
        return part.getInputStream();
    }

    /** The size of a part once decoded, from the encoded size the server gives (nothing is downloaded). */
    private static long decodedSize(Part part) throws MessagingException {
        long encoded = Math.max(0, part.getSize());
        String encoding = part instanceof MimeBodyPart body ? body.getEncoding() : null;
        return "base64".equalsIgnoreCase(encoding) ? encoded * BASE64_BYTES / BASE64_LINE : encoded;
    }

    /** The content of the body element of a whole HTML document, or the fragment itself. */
    private static String bodyOf(String html) {
        return org.jsoup.Jsoup.parse(html).body().html();
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String value = m.getHeader(name, " ");
        return value == null ? null : value.replaceAll("\\s+", " ").trim();
    }

    /** The valid addresses of a header; others are left out. */
    public static List<MailAddress> addresses(Address[] addresses) {
        List<MailAddress> result = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) {
                if (a instanceof InternetAddress ia && MailAddress.isValid(ia.getAddress())) {
                    result.add(new MailAddress(ia.getAddress(), HeaderText.of(ia.getPersonal())));
                }
            }
        }
        return result;
    }
}

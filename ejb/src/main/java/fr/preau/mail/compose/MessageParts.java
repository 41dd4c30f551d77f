package fr.preau.mail.compose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import fr.preau.mail.MailAddress;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads back what {@link MessageBuilder} wrote (a draft reopened), or the parts of a received message a reply or a
 * forward reuses: its text, its HTML, its attachments.
 */
public final class MessageParts {
    private String text;
    private String html;
    private final List<OutgoingAttachment> attachments = new ArrayList<>();

    private MessageParts() {
    }

    /** Walks the parts of a message. */
    public static MessageParts of(Part message) throws MessagingException, IOException {
        MessageParts parts = new MessageParts();
        parts.walk(message, true);
        return parts;
    }

    /** A draft as the user left it: recipients, subject, body, attachments, thread and receipt request. */
    public static OutgoingMessage draft(MimeMessage m) throws MessagingException, IOException {
        MessageParts parts = of(m);
        String html = parts.html == null ? null : bodyOf(parts.html);
        return new OutgoingMessage(addresses(m.getRecipients(Message.RecipientType.TO)),
                addresses(m.getRecipients(Message.RecipientType.CC)),
                addresses(m.getRecipients(Message.RecipientType.BCC)), m.getSubject(),
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

    private void walk(Part part, boolean top) throws MessagingException, IOException {
        String type = part.getContentType() == null ? "text/plain"
                : part.getContentType().toLowerCase(Locale.ROOT);
        String disposition = part.getDisposition();
        boolean attachment = !top && (Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null
                || type.startsWith("message/rfc822"));
        if (attachment) {
            attachments.add(new OutgoingAttachment(fileName(part), type.split(";")[0].trim(), bytes(part)));
        } else if (type.startsWith("multipart/")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                walk(multi.getBodyPart(i), false);
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
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage inner) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            inner.writeTo(out);
            return out.toByteArray();
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
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
                    result.add(new MailAddress(ia.getAddress(), ia.getPersonal()));
                }
            }
        }
        return result;
    }
}

package fr.preau.mail.imap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import fr.preau.mail.AttachmentSource;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.TempFiles;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.EncodingAware;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Builds the MIME message of an {@link OutgoingMessage}: the one place where sending, drafts and scheduled sending
 * turn what the user wrote into headers and parts. Every header goes through Jakarta Mail's API
 * ({@link InternetAddress}, {@link MimeMessage#setSubject(String, String)}, RFC 2047/2231 encoding), and the values
 * that are copied verbatim (message ids) were checked by {@link OutgoingMessage}: a line break typed in a subject, a
 * display name, an address or a file name never becomes a header of its own.
 *
 * <p>Structure: text/plain alone, or multipart/alternative (text/plain generated from the HTML, then text/html),
 * inside multipart/mixed when there are attachments; a forwarded message is a message/rfc822 part. Attachments are
 * streamed from their {@link AttachmentSource} each time the message is written, never held whole in memory.
 */
public final class MessageBuilder {
    /** Header asking the recipient's client for a read receipt (RFC 8098). */
    public static final String DISPOSITION_NOTIFICATION_TO = "Disposition-Notification-To";
    private static final String UTF8 = "UTF-8";

    private MessageBuilder() {
    }

    /** Opens the bytes of an attachment each time the message is written. */
    @FunctionalInterface
    public interface Data {
        InputStream open(OutgoingAttachment attachment) throws IOException;
    }

    /** The bytes of the sources that need no mailbox: in memory, or in the temporary folder. */
    public static InputStream local(OutgoingAttachment a) throws IOException {
        if (a.source() instanceof AttachmentSource.Bytes b) {
            return new ByteArrayInputStream(b.data());
        }
        if (a.source() instanceof AttachmentSource.TempFile t) {
            return TempFiles.open(t);
        }
        throw new IOException("A mailbox part needs a mailbox connection: " + a.source());
    }

    /** The message, its attachments only in memory or in temporary files. */
    public static MimeMessage build(Session session, MailboxContext ctx, OutgoingMessage m) {
        return build(session, ctx, m, MessageBuilder::local);
    }

    /**
     * The message as it will be sent (or kept as a draft), with its Date and Message-ID.
     *
     * @param session the session of the submission or IMAP connection
     * @param ctx who writes: {@code owner} is the From address, {@code actor} the Sender when it differs
     * @param data opens each attachment's bytes when the message is written
     */
    public static MimeMessage build(Session session, MailboxContext ctx, OutgoingMessage m, Data data) {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(internet(ctx.owner()));
            if (!ctx.owner().equals(ctx.actor())) {
                message.setSender(internet(ctx.actor()));
            }
            setRecipients(message, Message.RecipientType.TO, m.to());
            setRecipients(message, Message.RecipientType.CC, m.cc());
            setRecipients(message, Message.RecipientType.BCC, m.bcc());
            message.setSubject(m.subject(), UTF8);
            if (m.inReplyTo() != null) {
                message.setHeader("In-Reply-To", m.inReplyTo());
            }
            if (!m.references().isEmpty()) {
                message.setHeader("References", String.join(" ", m.references()));
            }
            if (m.receiptRequested()) {
                message.setHeader(DISPOSITION_NOTIFICATION_TO, internet(ctx.owner()).toString());
            }
            setBody(message, m, data);
            message.setSentDate(new Date());
            message.setHeader("User-Agent", "Préau");
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the message", e);
        }
    }

    private static void setBody(MimeMessage message, OutgoingMessage m, Data data) throws MessagingException {
        if (m.attachments().isEmpty()) {
            if (m.html() == null) {
                message.setText(m.text(), UTF8);
            } else {
                message.setContent(alternative(m));
            }
            return;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        if (m.html() == null) {
            body.setText(m.text(), UTF8);
        } else {
            body.setContent(alternative(m));
        }
        mixed.addBodyPart(body);
        for (OutgoingAttachment a : m.attachments()) {
            mixed.addBodyPart(attachment(a, data));
        }
        message.setContent(mixed);
    }

    private static MimeMultipart alternative(OutgoingMessage m) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(m.text(), UTF8);
        alternative.addBodyPart(plain);
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + m.html()
                + "</body></html>", UTF8, "html");
        alternative.addBodyPart(html);
        return alternative;
    }

    /**
     * The attachments as parts of a draft saved with them: the part number of the i-th attachment (the first part
     * of multipart/mixed is the text).
     */
    public static List<OutgoingAttachment> inSavedDraft(FolderPath drafts, MessageUid draft,
            List<OutgoingAttachment> attachments) {
        List<OutgoingAttachment> saved = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            saved.add(attachments.get(i).from(new AttachmentSource.MessagePart(drafts, draft, String.valueOf(i + 2))));
        }
        return saved;
    }

    private static MimeBodyPart attachment(OutgoingAttachment a, Data data) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new Streamed(a, data)));
        part.setHeader("Content-Type", a.contentType());
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(a.name());
        return part;
    }

    private static void setRecipients(MimeMessage message, Message.RecipientType type, List<MailAddress> list)
            throws MessagingException, UnsupportedEncodingException {
        if (!list.isEmpty()) {
            InternetAddress[] addresses = new InternetAddress[list.size()];
            for (int i = 0; i < addresses.length; i++) {
                addresses[i] = internet(list.get(i));
            }
            message.setRecipients(type, addresses);
        }
    }

    /**
     * An attachment's bytes, opened anew each time the message is written. A binary file is declared base64 without
     * reading it (Jakarta Mail would otherwise read the stream to choose); a text file is still looked at (streamed)
     * so that it stays readable (7bit or quoted-printable); a forwarded message/rfc822 is written as it is.
     */
    private record Streamed(OutgoingAttachment attachment, Data data) implements DataSource, EncodingAware {
        @Override
        public InputStream getInputStream() throws IOException {
            return data.open(attachment);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("Read only");
        }

        @Override
        public String getContentType() {
            return attachment.contentType();
        }

        @Override
        public String getName() {
            return attachment.name();
        }

        @Override
        public String getEncoding() {
            String type = attachment.contentType();
            return OutgoingAttachment.MESSAGE_RFC822.equals(type) || type.startsWith("text/") ? null : "base64";
        }
    }

    /** An address with its display name, encoded by Jakarta Mail. */
    public static InternetAddress internet(MailAddress a) throws UnsupportedEncodingException {
        return new InternetAddress(a.address(), a.personal(), UTF8);
    }
}

package fr.preau.mail.imap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;

import fr.preau.mail.MailboxContext;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.StoredMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The complete MIME message of a scheduled send, built once when it is scheduled by the compose
 * {@link MessageBuilder} (so Bcc, attachments, HTML, thread and receipt headers are the same as when sending now),
 * dated at its due time. Its Message-ID, fixed then, is how the sender recognises its copy in Envoyés (ADR 0050):
 * the bytes are never rebuilt, so it never changes.
 */
final class ScheduledMime {
    private ScheduledMime() {
    }

    /** The message to store, its attachments read through {@code data}. */
    static StoredMessage build(Session session, MailboxContext ctx, OutgoingMessage outgoing, Instant due,
            MessageBuilder.Data data) {
        MimeMessage message = MessageBuilder.build(session, ctx, outgoing, data);
        try {
            // A header only: the message stays "saved", writeTo keeps its Message-ID.
            message.setSentDate(Date.from(due));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return new StoredMessage(message.getMessageID(), out.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot build the scheduled message", e);
        }
    }

    /**
     * The stored message, as compose reopens it (recipients, Bcc, body, attachments, thread, receipt); its
     * attachments are copied to temporary files.
     */
    static OutgoingMessage read(Session session, byte[] mime) {
        try {
            return MessageParts.draft(new MimeMessage(session, new ByteArrayInputStream(mime)));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Stored message does not parse", e);
        }
    }
}

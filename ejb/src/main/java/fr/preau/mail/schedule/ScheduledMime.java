package fr.preau.mail.schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.OutgoingMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Builds the complete MIME message of a scheduled send once, when it is scheduled, with a Message-ID fixed then:
 * the sender later submits these exact bytes and recognises its copy in Envoyés by that Message-ID (ADR 0050).
 * Headers only through Jakarta Mail's API (no header injection). The one place to switch to the compose
 * message builder.
 */
public final class ScheduledMime {
    private ScheduledMime() {
    }

    /** A new Message-ID in the sender's domain. */
    public static String newMessageId(MailAddress from) {
        String address = from.address();
        return "<" + UUID.randomUUID() + ".scheduled@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    public static byte[] build(Session session, MailboxContext ctx, OutgoingMessage outgoing, String messageId,
            Instant date) {
        MimeMessage message = new FixedIdMessage(session, messageId);
        try {
            message.setFrom(internet(ctx.owner()));
            if (!ctx.owner().equals(ctx.actor())) {
                message.setSender(internet(ctx.actor()));
            }
            message.setRecipients(Message.RecipientType.TO, internet(outgoing.to()));
            if (!outgoing.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, internet(outgoing.cc()));
            }
            message.setSubject(outgoing.subject(), "UTF-8");
            message.setText(outgoing.text(), "UTF-8");
            message.setSentDate(Date.from(date));
            message.setHeader("User-Agent", "Préau");
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot build the scheduled message", e);
        }
    }

    private static InternetAddress internet(MailAddress a) throws UnsupportedEncodingException {
        return new InternetAddress(a.address(), a.personal(), "UTF-8");
    }

    private static InternetAddress[] internet(List<MailAddress> list) throws UnsupportedEncodingException {
        InternetAddress[] result = new InternetAddress[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = internet(list.get(i));
        }
        return result;
    }

    /** Keeps the Message-ID chosen at scheduling time instead of generating one in saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

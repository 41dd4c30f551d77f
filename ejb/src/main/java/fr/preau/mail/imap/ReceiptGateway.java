package fr.preau.mail.imap;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import fr.preau.mail.FolderPath;
import fr.preau.mail.HeaderText;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.ReceiptRequest;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Read receipts (RFC 8098): whether an opened message asks for one, and the Message Disposition Notification sent
 * when the user accepts. The answer, sent or declined, is remembered on the message with the {@code $MDNSent}
 * keyword (RFC 3503), so the user is asked once, in the portal as in Thunderbird.
 */
@ApplicationScoped
public class ReceiptGateway {
    /** IMAP keyword of a message whose receipt was sent or declined. */
    public static final String MDN_SENT = "$MDNSent";

    @Inject
    private ImapConnector imap;

    @Inject
    private MailSender sender;

    /**
     * Answers the request once: sends the receipt if {@code send}, then sets {@code $MDNSent}.
     *
     * @return false when there was nothing to answer (no request, or already answered)
     */
    public boolean answer(MailboxContext ctx, FolderPath path, MessageUid uid, boolean send) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_WRITE)) {
            MimeMessage m = (MimeMessage) MailSender.find(open.folder(), uid, path.name());
            Optional<MailAddress> to = requester(ctx, m).map(ReceiptRequest::to);
            if (to.isEmpty()) {
                return false;
            }
            if (send) {
                Session session = imap.userSession();
                sender.submit(ctx, session, receipt(session, ctx, m, to.get()));
            }
            m.setFlags(new Flags(MDN_SENT), true);
            return true;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw ImapConnector.storeFailure(e instanceof MessagingException me ? me
                    : new MessagingException("Cannot build the receipt", e));
        }
    }

    /**
     * Who asks for a receipt of this message not answered yet (never the mailbox's owner), if anyone, and whether that
     * address is the message's envelope sender (the {@code Return-Path} the server wrote at delivery).
     */
    static Optional<ReceiptRequest> requester(MailboxContext ctx, Message m) throws MessagingException {
        if (m.getFlags().contains(MDN_SENT)) {
            return Optional.empty();
        }
        String[] asked = m.getHeader(MessageBuilder.DISPOSITION_NOTIFICATION_TO);
        if (asked == null || asked.length == 0) {
            return Optional.empty();
        }
        List<MailAddress> addresses;
        try {
            addresses = MessageParts.addresses(InternetAddress.parseHeader(asked[0], false));
        } catch (AddressException e) {
            return Optional.empty();
        }
        String sender = returnPath(m);
        return addresses.stream().filter(a -> !a.address().equals(ctx.owner().address())).findFirst()
                .map(a -> new ReceiptRequest(a, sender == null || !sender.equalsIgnoreCase(a.address())));
    }

    /** The envelope sender of a delivered message (the first {@code Return-Path}), or null. */
    private static String returnPath(Message m) throws MessagingException {
        String[] paths = m.getHeader("Return-Path");
        if (paths == null || paths.length == 0) {
            return null;
        }
        String path = paths[0].trim();
        if (path.startsWith("<") && path.endsWith(">")) {
            path = path.substring(1, path.length() - 1).trim();
        }
        return path.isEmpty() ? null : path;
    }

    /** The MDN: multipart/report with a French explanation and the machine-readable disposition. */
    static MimeMessage receipt(Session session, MailboxContext ctx, MimeMessage original, MailAddress to)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mdn = new MimeMessage(session);
        mdn.setFrom(MessageBuilder.internet(ctx.owner()));
        mdn.setRecipient(Message.RecipientType.TO, MessageBuilder.internet(to));
        String subject = original.getSubject() == null ? "" : HeaderText.of(original.getSubject());
        mdn.setSubject(new OutgoingMessage(List.of(), null, "Accusé de lecture : " + subject, null).subject(),
                "UTF-8");
        String messageId = original.getMessageID() == null ? null : original.getMessageID().trim();
        if (OutgoingMessage.isMessageId(messageId)) {
            mdn.setHeader("In-Reply-To", messageId);
            mdn.setHeader("References", messageId);
        }
        MimeMultipart report = new MimeMultipart("report") {
            {
                ContentType type = new ContentType(contentType);
                type.setParameter("report-type", "disposition-notification");
                contentType = type.toString();
            }
        };
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Le message « " + subject + " » que vous avez envoyé à " + ctx.owner()
                + " a été affiché par son destinataire.\n\nCela ne garantit pas que le message a été lu ou compris.\n",
                "UTF-8");
        report.addBodyPart(human);
        StringBuilder fields = new StringBuilder()
                .append("Reporting-UA: ").append(ctx.owner().domain()).append("; Preau\r\n")
                .append("Final-Recipient: rfc822; ").append(ctx.owner().address()).append("\r\n");
        if (OutgoingMessage.isMessageId(messageId)) {
            fields.append("Original-Message-ID: ").append(messageId).append("\r\n");
        }
        fields.append("Disposition: manual-action/MDN-sent-manually; displayed\r\n");
        MimeBodyPart machine = new MimeBodyPart();
        machine.setDataHandler(new DataHandler(new ByteArrayDataSource(
                fields.toString().getBytes(StandardCharsets.US_ASCII), "message/disposition-notification")));
        machine.setHeader("Content-Type", "message/disposition-notification");
        report.addBodyPart(machine);
        mdn.setContent(report);
        mdn.setSentDate(new Date());
        mdn.setHeader("User-Agent", "Préau");
        mdn.saveChanges();
        return mdn;
    }
}

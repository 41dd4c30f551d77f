package fr.preau.mail.imap;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.FolderPath;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import fr.preau.shared.Component;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;

/**
 * Sends a spam or phishing report with the original attached byte for byte ({@code message/rfc822}, fetched with
 * {@code BODY.PEEK[]}), then moves the message with IMAP MOVE (or UID COPY + UID EXPUNGE of exactly that UID where
 * MOVE is missing), so it exists exactly once afterwards. The report goes first: when it cannot be sent, nothing
 * moves and the user can try again.
 */
@ApplicationScoped
public class MessageReporter {
    private static final Logger LOG = Logger.getLogger(MessageReporter.class.getName());

    @Inject
    private ImapConnector imap;

    @Inject
    private MailSender sender;

    public void report(MailboxContext ctx, FolderPath path, MessageUid uid, Mailbox.Report kind) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_WRITE)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            Message message = folder.getUIDValidity() == uid.uidValidity() ? folder.getMessageByUID(uid.uid()) : null;
            if (message == null || message.isExpunged()) {
                throw new NotFoundException("mail.error.messageGone", path.name() + "/" + uid);
            }
            Folder target = ImapConnector.findSpecial(store, kind.then());
            if (target == null) {
                throw new NotFoundException("report.error.noFolder", kind.then().name());
            }
            byte[] original = raw(folder, uid.uid());
            send(ctx, kind, original, message);
            if (!target.getFullName().equals(folder.getFullName())) {
                move(store, folder, message, target);
            }
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static byte[] raw(IMAPFolder folder, long uid) throws MessagingException {
        return (byte[]) folder.doCommand(p -> {
            Response[] r = p.command("UID FETCH " + uid + " (UID BODY.PEEK[])", null);
            p.handleResult(r[r.length - 1]);
            for (Response response : r) {
                if (response instanceof FetchResponse f && f.getItem(BODY.class) != null) {
                    return f.getItem(BODY.class).getByteArray().getNewBytes();
                }
            }
            throw new org.eclipse.angus.mail.iap.ProtocolException("No BODY[] in the answer");
        });
    }

    private void send(MailboxContext ctx, Mailbox.Report kind, byte[] original, Message message)
            throws MessagingException {
        Session session = imap.userSession();
        MimeMessage report = new MimeMessage(session);
        String subject = MailGateway.safeSubject(message);
        try {
            report.setFrom(new InternetAddress(ctx.owner().address(), ctx.owner().personal(), "UTF-8"));
            if (!ctx.owner().equals(ctx.actor())) {
                report.setSender(new InternetAddress(ctx.actor().address(), ctx.actor().personal(), "UTF-8"));
            }
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        report.setRecipient(Message.RecipientType.TO, new InternetAddress(kind.to().address()));
        report.setSubject("[" + kind.label() + "] " + subject, "UTF-8");
        report.setSentDate(new Date());
        report.setHeader("User-Agent", "Préau");
        report.setHeader("X-Preau-Report", kind.tag());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Signalement « " + kind.label() + " » transmis depuis Préau par " + ctx.actor().address()
                + ".\nLe message d'origine est joint tel qu'il a été reçu (tous ses en-têtes).\n"
                + "Objet : " + subject + "\n", "UTF-8");
        MimeBodyPart attached = new MimeBodyPart();
        attached.setDataHandler(new DataHandler(new ByteArrayDataSource(original, "message/rfc822")));
        attached.setDisposition(MimeBodyPart.ATTACHMENT);
        attached.setFileName("message-signale.eml");
        // message/rfc822 may only be 7bit, 8bit or binary (RFC 2046): the original travels unencoded.
        attached.setHeader("Content-Transfer-Encoding", eightBit(original) ? "8bit" : "7bit");
        report.setContent(new MimeMultipart(text, attached));
        report.saveChanges();
        try {
            sender.submit(ctx, session, report);
        } catch (InvalidInputException e) {
            LOG.log(Level.WARNING, "Report from " + ctx.actor().address() + " refused", e);
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, e);
        }
    }

    /** MOVE when the server has it; else UID COPY then UID EXPUNGE of exactly this message. */
    static void move(Store store, IMAPFolder folder, Message message, Folder target) throws MessagingException {
        if (((IMAPStore) store).hasCapability("MOVE")) {
            folder.moveUIDMessages(new Message[] {message}, target);
        } else {
            folder.copyUIDMessages(new Message[] {message}, target);
            message.setFlag(Flags.Flag.DELETED, true);
            folder.expunge(new Message[] {message});
        }
    }

    private static boolean eightBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

}

package fr.preau.mail.imap;

import java.io.ByteArrayInputStream;
import java.util.logging.Logger;

import fr.preau.mail.MailboxContext;
import fr.preau.mail.SpecialUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;

/**
 * Submission of a message already built (its exact bytes, its Message-ID), and its copy in Envoyés found or kept
 * by Message-ID, so that doing it twice leaves one copy (ADR 0050).
 */
@ApplicationScoped
public class SentCopies {
    private static final Logger LOG = Logger.getLogger(SentCopies.class.getName());

    @Inject
    private ImapConnector imap;

    @Inject
    private MailSender sender;

    /** Sends these bytes as they are (Bcc left out of what is transmitted) through submission as the user. */
    public void submit(MailboxContext ctx, byte[] mime) {
        Session session = imap.userSession();
        sender.submit(ctx, session, parse(session, mime));
    }

    /** Whether Envoyés holds a message with this Message-ID. */
    public boolean inSent(MailboxContext ctx, String messageId) {
        try (Store store = imap.connect(ctx)) {
            Folder sent = ImapConnector.findSpecial(store, SpecialUse.SENT);
            return sent != null && contains(sent, messageId);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Appends the copy to Envoyés (seen) unless a message with its Message-ID is already there. */
    public void keepOnce(MailboxContext ctx, byte[] mime, String messageId) {
        try (Store store = imap.connect(ctx)) {
            Folder sent = ImapConnector.findSpecial(store, SpecialUse.SENT);
            if (sent == null) {
                LOG.warning("No \\Sent folder for " + ctx.owner().address() + ": no copy kept");
                return;
            }
            if (contains(sent, messageId)) {
                return;
            }
            MimeMessage message = parse(imap.userSession(), mime);
            message.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static boolean contains(Folder folder, String messageId) throws MessagingException {
        try (ImapConnector.OpenFolder open = new ImapConnector.OpenFolder(folder)) {
            folder.open(Folder.READ_ONLY);
            for (Message m : folder.search(new HeaderTerm("Message-ID", messageId))) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && ids.length > 0 && messageId.equals(ids[0].strip())) {
                    return true;
                }
            }
            return false;
        }
    }

    private static MimeMessage parse(Session session, byte[] mime) {
        try {
            return new MimeMessage(session, new ByteArrayInputStream(mime));
        } catch (MessagingException e) {
            throw new IllegalStateException("Stored message does not parse", e);
        }
    }
}

package fr.preau.mail.imap;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

import fr.preau.mail.MailboxContext;
import fr.preau.mail.SpecialUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
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

    /**
     * Sends these bytes as they are (Bcc left out of what is transmitted) through submission as the user, with
     * {@code evidence} as one more envelope recipient (not in any header): the evidence mailbox of ADR 0083, which
     * Postfix fills in the same queue entry as the real recipients.
     */
    public void submit(MailboxContext ctx, byte[] mime, String evidence) {
        Session session = imap.userSession();
        MimeMessage message = parse(session, mime);
        try {
            Address[] recipients = message.getAllRecipients();
            if (recipients == null) {
                throw new IllegalStateException("Stored message has no recipient");
            }
            Address[] envelope = Arrays.copyOf(recipients, recipients.length + 1);
            envelope[recipients.length] = new InternetAddress(evidence, true);
            sender.submit(ctx, session, message, envelope);
        } catch (MessagingException e) {
            throw new IllegalStateException("Stored message has unreadable recipients", e);
        }
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
            return !withMessageId(folder, messageId).isEmpty();
        }
    }

    /** The messages of an open folder whose Message-ID is exactly this one (SEARCH, then checked). */
    static List<Message> withMessageId(Folder folder, String messageId) throws MessagingException {
        List<Message> found = new ArrayList<>();
        for (Message m : folder.search(new HeaderTerm("Message-ID", messageId))) {
            String[] ids = m.getHeader("Message-ID");
            if (ids != null && ids.length > 0 && messageId.equals(ids[0].strip())) {
                found.add(m);
            }
        }
        return found;
    }

    static MimeMessage parse(Session session, byte[] mime) {
        try {
            return new MimeMessage(session, new ByteArrayInputStream(mime));
        } catch (MessagingException e) {
            throw new IllegalStateException("Stored message does not parse", e);
        }
    }
}

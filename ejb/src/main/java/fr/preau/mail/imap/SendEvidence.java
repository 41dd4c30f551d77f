package fr.preau.mail.imap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.OlderTerm;

/**
 * The evidence mailbox of scheduled sends (ADR 0083): a system mailbox that receives each scheduled message as one
 * more envelope recipient. Postfix queues a message once for all its recipients, so a copy there proves that Postfix
 * accepted the message, also when the portal died before it could record it; the portal reads the mailbox through
 * the master user, from any node. Copies are matched by Message-ID and envelope sender (Return-Path, written by
 * Dovecot's LMTP).
 */
@ApplicationScoped
public class SendEvidence {
    private static final String INBOX = "INBOX";
    private static final long POLL_MS = 500;

    @EJB
    private MailboxAccess access;

    @Inject
    private ImapConnector imap;

    @Inject
    private MailSender sender;

    /** Whether the evidence mailbox holds this message (its Message-ID, sent by the envelope sender of its bytes). */
    public boolean holds(String evidence, byte[] mime, String messageId) {
        String envelopeSender = envelopeSender(mime);
        try (Store store = imap.connect(mailbox(evidence)); ImapConnector.OpenFolder open = inbox(store, false)) {
            for (Message m : SentCopies.withMessageId(open.folder(), messageId)) {
                String[] returnPath = m.getHeader("Return-Path");
                if (returnPath != null && returnPath.length > 0 && envelopeSender.equals(bare(returnPath[0]))) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * Submits, as the user, a short message to the evidence mailbox only, through the same route as a scheduled
     * message; returns its Message-ID for {@link #awaitProbe}.
     *
     * @throws fr.preau.shared.InvalidInputException when the submission server refuses it
     */
    public String probe(MailboxContext ctx, String evidence) {
        Session session = imap.userSession();
        MimeMessage probe = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<sonde-" + UUID.randomUUID() + "@" + domain(ctx.actor().address()) + ">");
            }
        };
        try {
            probe.setFrom(new InternetAddress(ctx.actor().address()));
            probe.setRecipient(Message.RecipientType.TO, new InternetAddress(evidence, true));
            probe.setSubject("Sonde d'envoi différé (Préau)", "UTF-8");
            probe.setText("Sonde du portail : vérifie que Postfix livre la boîte des preuves d'envoi.\n", "UTF-8");
            probe.saveChanges();
            sender.submit(ctx, session, probe);
            return probe.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException("Probe message cannot be built", e);
        }
    }

    /**
     * Waits until the probe is in the evidence mailbox, then removes it.
     *
     * @return false when it has not arrived within {@code timeout}: then nothing can be concluded from an absence
     */
    public boolean awaitProbe(String evidence, String probeId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Store store = imap.connect(mailbox(evidence))) {
            while (true) {
                try (ImapConnector.OpenFolder open = inbox(store, true)) {
                    List<Message> found = SentCopies.withMessageId(open.folder(), probeId);
                    if (!found.isEmpty()) {
                        remove(open.folder(), found);
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Removes what arrived more than {@code age} ago, except the copies whose Message-ID is in {@code keep} (the
     * messages still in doubt), so that the mailbox does not fill up.
     *
     * @return how many messages were removed
     */
    public int purge(String evidence, Duration age, Set<String> keep) {
        try (Store store = imap.connect(mailbox(evidence)); ImapConnector.OpenFolder open = inbox(store, true)) {
            Folder folder = open.folder();
            if (folder.getMessageCount() == 0) {
                return 0;
            }
            Message[] old = folder.search(new OlderTerm((int) Math.max(1, age.toSeconds())));
            FetchProfile headers = new FetchProfile();
            headers.add("Message-ID");
            folder.fetch(old, headers);
            List<Message> gone = new ArrayList<>();
            for (Message m : old) {
                String[] ids = m.getHeader("Message-ID");
                if (ids == null || ids.length == 0 || !keep.contains(ids[0].strip())) {
                    gone.add(m);
                }
            }
            remove(folder, gone);
            return gone.size();
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Exactly these messages: \Deleted then UID EXPUNGE of their UIDs only (UIDPLUS). */
    private static void remove(Folder folder, List<Message> messages) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Message[] array = messages.toArray(new Message[0]);
        folder.setFlags(array, new Flags(Flags.Flag.DELETED), true);
        ((IMAPFolder) folder).expunge(array);
    }

    static ImapConnector.OpenFolder inbox(Store store, boolean write) throws MessagingException {
        Folder inbox = store.getFolder(INBOX);
        ImapConnector.OpenFolder open = new ImapConnector.OpenFolder(inbox);
        inbox.open(write ? Folder.READ_WRITE : Folder.READ_ONLY);
        return open;
    }

    private MailboxContext mailbox(String evidence) {
        return access.system(new MailAddress(evidence, null));
    }

    /** The MAIL FROM that submission uses for these bytes: the first From address (the portal sets no other). */
    private String envelopeSender(byte[] mime) {
        try {
            var from = SentCopies.parse(imap.userSession(), mime).getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
                throw new IllegalStateException("Stored message has no From address");
            }
            return address.getAddress().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            throw new IllegalStateException("Stored message has an unreadable From", e);
        }
    }

    /** A Return-Path's address, bare and in lower case ({@code <>}: empty). */
    static String bare(String returnPath) {
        String path = returnPath.strip();
        if (path.startsWith("<") && path.endsWith(">")) {
            path = path.substring(1, path.length() - 1);
        }
        return path.toLowerCase(Locale.ROOT);
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}

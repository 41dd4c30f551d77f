package fr.preau.mail.imap;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessagePage;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.SpecialUse;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import fr.preau.shared.Component;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * IMAP and SMTP as the user, through {@link ImapConnector}. A connection lives for one call: opened, used, closed,
 * so a restarted server is simply reached again at the next call.
 */
@ApplicationScoped
public class MailGateway {
    private static final Logger LOG = Logger.getLogger(MailGateway.class.getName());

    @Inject
    private ImapConnector imap;

    /** The folders of the mailbox, special-use folders first. */
    public List<FolderInfo> folders(MailboxContext ctx) {
        try (Store store = imap.connect(ctx)) {
            Folder root = store.getDefaultFolder();
            char separator = root.getSeparator();
            List<FolderInfo> result = new ArrayList<>();
            for (Folder f : root.list("*")) {
                String[] attributes = ImapConnector.attributes(f);
                boolean selectable = (f.getType() & Folder.HOLDS_MESSAGES) != 0;
                SpecialUse use = SpecialUse.fromAttributes(f.getFullName(), attributes);
                int[] counts = selectable ? counts(f) : new int[2];
                int unread = counts[1];
                int total = counts[0];
                FolderPath path = new FolderPath(f.getFullName());
                int depth = (int) f.getFullName().chars().filter(c -> c == separator).count();
                result.add(new FolderInfo(path, path.leaf(separator), use, unread, total, depth, selectable));
            }
            result.sort(Comparator.comparing((FolderInfo f) -> f.use().order())
                    .thenComparing(f -> f.path().name(), String.CASE_INSENSITIVE_ORDER));
            return result;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** A page of the folder, newest first: fetches only that page's envelopes. */
    public MessagePage page(MailboxContext ctx, FolderPath path, int offset, int limit) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            Folder folder = open.folder();
            int total = folder.getMessageCount();
            int end = total - offset;
            if (end < 1) {
                return new MessagePage(total, List.of());
            }
            int start = Math.max(1, end - limit + 1);
            Message[] messages = folder.getMessages(start, end);
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(messages, profile);
            long validity = ((UIDFolder) folder).getUIDValidity();
            List<MessageSummary> rows = new ArrayList<>(messages.length);
            for (int i = messages.length - 1; i >= 0; i--) {
                rows.add(summary(folder, validity, messages[i]));
            }
            return new MessagePage(total, rows);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * Sends through submission as the user, then appends the sent message to the Sent folder. When the copy cannot
     * be kept, the message is still sent once: the failure is logged, not retried.
     */
    public void send(MailboxContext ctx, OutgoingMessage outgoing) {
        Session session = imap.userSession();
        MimeMessage message = new MimeMessage(session);
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
            message.setSentDate(new Date());
            message.setHeader("User-Agent", "Préau");
            message.saveChanges();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the message", e);
        }
        try (Transport transport = imap.submission(ctx, session)) {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            throw rejected(e);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "SMTP submission failed for " + ctx.actor().address(), e);
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, e);
        }
        keepSentCopy(ctx, message);
    }

    private void keepSentCopy(MailboxContext ctx, MimeMessage message) {
        try (Store store = imap.connect(ctx)) {
            Folder sent = ImapConnector.findSpecial(store, SpecialUse.SENT);
            if (sent == null) {
                LOG.warning("No \\Sent folder for " + ctx.owner().address() + ": no copy kept");
                return;
            }
            message.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Message sent but no copy kept in Sent for " + ctx.owner().address(), e);
        }
    }

    /** Total and unread counts in one STATUS round trip. */
    private static int[] counts(Folder f) throws MessagingException {
        if (f instanceof IMAPFolder imap) {
            Status status = (Status) imap.doCommand(protocol -> protocol.status(imap.getFullName(),
                    new String[] {"MESSAGES", "UNSEEN"}));
            return new int[] {status.total, status.unseen};
        }
        return new int[] {f.getMessageCount(), f.getUnreadMessageCount()};
    }

    /** The list row of a message (also used by {@link MessageReader}). */
    static MessageSummary summary(Folder folder, long validity, Message m) throws MessagingException {
        long uid = ((UIDFolder) folder).getUID(m);
        Flags flags = m.getFlags();
        Date date = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
        return new MessageSummary(new MessageUid(validity, uid), first(safeFrom(m)), safeSubject(m),
                date == null ? null : date.toInstant(), Math.max(0, m.getSize()),
                flags.contains(Flags.Flag.SEEN), flags.contains(Flags.Flag.FLAGGED),
                flags.contains(Flags.Flag.ANSWERED));
    }

    private static Address[] safeFrom(Message m) {
        try {
            return m.getFrom();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String safeSubject(Message m) {
        try {
            String subject = m.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            return "";
        }
    }

    private static MailAddress first(Address[] addresses) {
        List<MailAddress> list = convert(addresses);
        return list.isEmpty() ? null : list.get(0);
    }

    static List<MailAddress> addresses(Message m, Message.RecipientType type) {
        try {
            return convert(m.getRecipients(type));
        } catch (MessagingException e) {
            return List.of();
        }
    }

    static List<MailAddress> convert(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        for (Address a : addresses) {
            if (a instanceof InternetAddress ia && MailAddress.isValid(ia.getAddress())) {
                result.add(new MailAddress(ia.getAddress(), ia.getPersonal()));
            }
        }
        return result;
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

    private static RuntimeException rejected(SendFailedException e) {
        Address[] invalid = e.getInvalidAddresses();
        if (invalid != null && invalid.length > 0) {
            String names = String.join(", ", Arrays.stream(invalid).map(Address::toString).toList());
            return new InvalidInputException("to", "compose.error.rejected", names);
        }
        LOG.log(Level.WARNING, "SMTP refused the message", e);
        return new InvalidInputException("to", "compose.error.refused", e.getMessage());
    }
}

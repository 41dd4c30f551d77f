package fr.preau.mail.imap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageContent;
import fr.preau.mail.MessagePage;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
import fr.preau.mail.SpecialUse;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import fr.preau.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
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

    /** Opens a message for reading; fetching its body marks it read, as in any IMAP client. */
    public MessageContent open(MailboxContext ctx, FolderPath path, MessageUid uid) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_WRITE)) {
            Folder folder = open.folder();
            UIDFolder uidFolder = (UIDFolder) folder;
            Message message = uidFolder.getUIDValidity() == uid.uidValidity()
                    ? uidFolder.getMessageByUID(uid.uid()) : null;
            if (message == null || message.isExpunged()) {
                throw new NotFoundException("mail.error.messageGone", path.name() + "/" + uid);
            }
            MessageText text = MessageText.of(message);
            message.setFlag(Flags.Flag.SEEN, true);
            MessageSummary summary = summary(folder, uid.uidValidity(), message);
            return new MessageContent(summary, addresses(message, Message.RecipientType.TO),
                    addresses(message, Message.RecipientType.CC), text.text(), text.attachmentNames(),
                    text.problem());
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
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

    private static MessageSummary summary(Folder folder, long validity, Message m) throws MessagingException {
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

    private static List<MailAddress> addresses(Message m, Message.RecipientType type) {
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
}

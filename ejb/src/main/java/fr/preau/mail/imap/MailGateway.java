package fr.preau.mail.imap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.HeaderText;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
import fr.preau.mail.SpecialUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;

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
            return folders(store);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** The folder tree with counts, special-use folders first, over an open connection: one LIST-STATUS. */
    static List<FolderInfo> folders(Store store) throws MessagingException {
        return folders(ImapCommands.listStatus(store, "MESSAGES", "UNSEEN"));
    }

    /** The folder tree from a LIST-STATUS that asked for MESSAGES and UNSEEN. */
    static List<FolderInfo> folders(List<ImapCommands.ListedFolder> listed) {
        List<FolderInfo> result = new ArrayList<>();
        for (ImapCommands.ListedFolder f : listed) {
            SpecialUse use = SpecialUse.fromAttributes(f.name(), f.attributes());
            FolderPath path = new FolderPath(f.name());
            int unread = f.selectable() ? f.status().unseen : 0;
            int total = f.selectable() ? f.status().total : 0;
            result.add(new FolderInfo(path, path.leaf(f.separator()), use, unread, total, f.depth(), f.selectable()));
        }
        result.sort(Comparator.comparing((FolderInfo f) -> f.use().order())
                .thenComparing(f -> f.path().name(), String.CASE_INSENSITIVE_ORDER));
        return result;
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

    /** The subject as written, or "" when it cannot be read. */
    static String safeSubject(Message m) {
        try {
            String subject = HeaderText.of(m.getSubject());
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
                result.add(new MailAddress(ia.getAddress(), HeaderText.of(ia.getPersonal())));
            }
        }
        return result;
    }
}

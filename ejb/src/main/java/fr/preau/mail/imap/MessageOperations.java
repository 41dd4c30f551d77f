package fr.preau.mail.imap;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.ListPage;
import fr.preau.mail.ListedMessage;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MailboxOverview;
import fr.preau.mail.MessageSort;
import fr.preau.mail.MessageUid;
import fr.preau.mail.QuotaInfo;
import fr.preau.mail.SpecialUse;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.settings.AcademySettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The message list and what the user does to messages, in IMAP: sorted pages (server-side SORT), flags and
 * keywords, and moves that leave each message in exactly one folder (UID MOVE).
 */
@ApplicationScoped
public class MessageOperations {
    private static final ZoneId ACADEMY_ZONE = ZoneId.of("Europe/Paris");

    /** Academy setting: UIDs per UID MOVE command (each command is atomic; smaller batches hold shorter locks). */
    public static final String MOVE_BATCH = "mail.move.batch-size";

    @Inject
    private ImapConnector imap;

    @EJB
    private AcademySettings settings;

    /** One page of the folder in the given order; fetches the envelopes of that page only. */
    public ListPage page(MailboxContext ctx, FolderPath path, MessageSort sort, boolean descending, int offset,
            int limit) {
        try (Store store = imap.connect(ctx)) {
            return page(store, path, sort, descending, offset, limit);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * The folder tree with its counts, the quota and the first page of one folder over one connection: what the
     * mail page shows first, for one sign-in and five round trips (LIST-STATUS, GETQUOTAROOT, SELECT, SORT, FETCH).
     */
    public MailboxOverview overview(MailboxContext ctx, FolderPath path, MessageSort sort, boolean descending,
            boolean conversations, int limit) {
        try (Store store = imap.connect(ctx)) {
            List<ImapCommands.ListedFolder> listed = ImapCommands.listStatus(store, "MESSAGES", "UNSEEN", "SIZE");
            List<FolderInfo> folders = MailGateway.folders(listed);
            QuotaInfo quota = FolderOperations.quota(store, listed);
            ListPage page = conversations ? threadPage(store, path, 0, limit)
                    : page(store, path, sort, descending, 0, limit);
            return new MailboxOverview(folders, quota, page);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static ListPage page(Store store, FolderPath path, MessageSort sort, boolean descending, int offset,
            int limit) throws MessagingException {
        try (OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            ImapCommands.SortedUids sorted = ImapCommands.sortedPage(folder, sort.imapKey(), descending, offset,
                    limit);
            Message[] messages = folder.getMessagesByUID(sorted.uids());
            List<Message> present = Arrays.stream(messages).filter(m -> m != null && !m.isExpunged()).toList();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(present.toArray(Message[]::new), profile);
            long validity = folder.getUIDValidity();
            List<ListedMessage> rows = new ArrayList<>(present.size());
            for (Message m : present) {
                rows.add(new ListedMessage(MailGateway.summary(folder, validity, m),
                        List.of(m.getFlags().getUserFlags())));
            }
            return new ListPage(sorted.total(), rows);
        }
    }

    /**
     * One page of the folder's conversations, newest activity first: each row is the newest message of a thread
     * and carries the UIDs of the whole thread.
     */
    public ListPage threadPage(MailboxContext ctx, FolderPath path, int offset, int limit) {
        try (Store store = imap.connect(ctx)) {
            return threadPage(store, path, offset, limit);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static ListPage threadPage(Store store, FolderPath path, int offset, int limit)
            throws MessagingException {
        try (OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            List<long[]> threads = ImapCommands.threads(folder);
            List<long[]> page = threads.subList(Math.min(offset, threads.size()),
                    Math.min(offset + limit, threads.size()));
            long[] newest = page.stream().mapToLong(t -> Arrays.stream(t).max().orElse(0)).toArray();
            Message[] messages = folder.getMessagesByUID(newest);
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(Arrays.stream(messages).filter(m -> m != null).toArray(Message[]::new), profile);
            long validity = folder.getUIDValidity();
            List<ListedMessage> rows = new ArrayList<>(page.size());
            for (int i = 0; i < messages.length; i++) {
                Message m = messages[i];
                if (m == null || m.isExpunged()) {
                    continue;
                }
                List<MessageUid> members = new ArrayList<>();
                members.add(new MessageUid(validity, newest[i]));
                for (long uid : page.get(i)) {
                    if (uid != newest[i]) {
                        members.add(new MessageUid(validity, uid));
                    }
                }
                rows.add(new ListedMessage(MailGateway.summary(folder, validity, m),
                        List.of(m.getFlags().getUserFlags()), members));
            }
            return new ListPage(threads.size(), rows);
        }
    }

    /** Sets or clears a system flag (\Seen, \Flagged) on these messages. */
    public void setFlag(MailboxContext ctx, FolderPath path, List<MessageUid> uids, Flags.Flag flag, boolean on) {
        store(ctx, path, uids, new Flags(flag), on);
    }

    /** Adds or removes an IMAP keyword (a label) on these messages. */
    public void setKeyword(MailboxContext ctx, FolderPath path, List<MessageUid> uids, String keyword, boolean on) {
        store(ctx, path, uids, new Flags(keyword), on);
    }

    private void store(MailboxContext ctx, FolderPath path, List<MessageUid> uids, Flags flags, boolean on) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_WRITE)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            Message[] messages = Arrays.stream(folder.getMessagesByUID(uidsOf(folder, uids)))
                    .filter(m -> m != null && !m.isExpunged()).toArray(Message[]::new);
            if (messages.length > 0) {
                folder.setFlags(messages, flags, on);
            }
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Moves these messages to another folder; each ends in exactly one of the two. Returns how many moved. */
    public int move(MailboxContext ctx, FolderPath from, List<MessageUid> uids, FolderPath to) {
        if (from.equals(to)) {
            throw new InvalidInputException("target", "mail.move.error.same", to.name());
        }
        try (Store store = imap.connect(ctx)) {
            Folder target = store.getFolder(to.name());
            if (!target.exists() || (target.getType() & Folder.HOLDS_MESSAGES) == 0) {
                throw new NotFoundException("mail.error.folderGone", to.name());
            }
            return moveWithin(store, from, uids, target.getFullName());
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Moves these messages to the Corbeille. */
    public int delete(MailboxContext ctx, FolderPath from, List<MessageUid> uids) {
        try (Store store = imap.connect(ctx)) {
            Folder trash = special(store, SpecialUse.TRASH);
            if (trash.getFullName().equals(from.name())) {
                throw new InvalidInputException("selection", "mail.delete.error.inTrash", null);
            }
            return moveWithin(store, from, uids, trash.getFullName());
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Moves each message to {@code Archives/<year of the message>}, creating the year's folder when missing. */
    public int archive(MailboxContext ctx, FolderPath from, List<MessageUid> uids) {
        try (Store store = imap.connect(ctx)) {
            Folder archives = special(store, SpecialUse.ARCHIVE);
            if (from.name().equals(archives.getFullName()) || from.name().startsWith(archives.getFullName() + "/")) {
                throw new InvalidInputException("selection", "mail.archive.error.archived", null);
            }
            Map<Integer, List<MessageUid>> byYear = new TreeMap<>();
            try (OpenFolder open = ImapConnector.open(store, from, Folder.READ_ONLY)) {
                IMAPFolder folder = (IMAPFolder) open.folder();
                Message[] messages = Arrays.stream(folder.getMessagesByUID(uidsOf(folder, uids)))
                        .filter(m -> m != null && !m.isExpunged()).toArray(Message[]::new);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(messages, profile);
                long validity = folder.getUIDValidity();
                for (Message m : messages) {
                    Date date = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
                    int year = (date == null ? new Date() : date).toInstant().atZone(ACADEMY_ZONE).getYear();
                    byYear.computeIfAbsent(year, y -> new ArrayList<>())
                            .add(new MessageUid(validity, folder.getUID(m)));
                }
            }
            int moved = 0;
            for (Map.Entry<Integer, List<MessageUid>> year : byYear.entrySet()) {
                Folder yearFolder = store.getFolder(archives.getFullName() + archives.getSeparator() + year.getKey());
                if (!yearFolder.exists()) {
                    yearFolder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
                    yearFolder.setSubscribed(true);
                }
                moved += moveWithin(store, from, year.getValue(), yearFolder.getFullName());
            }
            return moved;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Deletes for good every message of the Corbeille present now (not one arriving meanwhile). */
    public int emptyTrash(MailboxContext ctx) {
        try (Store store = imap.connect(ctx)) {
            Folder trash = special(store, SpecialUse.TRASH);
            try (OpenFolder open = ImapConnector.open(store, new FolderPath(trash.getFullName()),
                    Folder.READ_WRITE)) {
                IMAPFolder folder = (IMAPFolder) open.folder();
                long[] uids = ImapCommands.allUids(folder);
                if (uids.length == 0) {
                    return 0;
                }
                folder.setFlags(folder.getMessagesByUID(uids), new Flags(Flags.Flag.DELETED), true);
                ImapCommands.uidExpunge(folder, uids);
                return uids.length;
            }
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private int moveWithin(Store store, FolderPath from, List<MessageUid> uids, String destination)
            throws MessagingException {
        try (OpenFolder open = ImapConnector.open(store, from, Folder.READ_WRITE)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            long[] raw = uidsOf(folder, uids);
            ImapCommands.uidMove(folder, raw, destination, batch());
            return raw.length;
        }
    }

    int batch() {
        return settings.integer(MOVE_BATCH, ImapCommands.MOVE_CHUNK);
    }

    /** The UIDs, checked against the folder's UIDVALIDITY (a recreated folder gives {@link NotFoundException}). */
    private static long[] uidsOf(IMAPFolder folder, List<MessageUid> uids) throws MessagingException {
        long validity = folder.getUIDValidity();
        long[] result = new long[uids.size()];
        for (int i = 0; i < result.length; i++) {
            if (uids.get(i).uidValidity() != validity) {
                throw new NotFoundException("mail.error.messageGone", folder.getFullName() + "/" + uids.get(i));
            }
            result[i] = uids.get(i).uid();
        }
        return result;
    }

    static Folder special(Store store, SpecialUse use) throws MessagingException {
        Folder folder = ImapConnector.findSpecial(store, use);
        if (folder == null) {
            throw new NotFoundException("mail.error.folderGone", use.name());
        }
        return folder;
    }
}

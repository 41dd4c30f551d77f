package fr.preau.mail.imap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

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
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * The message list and what the user does to messages, in IMAP: sorted pages (server-side SORT), flags and
 * keywords, and moves that leave each message in exactly one folder (UID MOVE).
 */
@ApplicationScoped
public class MessageOperations {
    private static final Logger LOG = Logger.getLogger(MessageOperations.class.getName());
    private static final ZoneId ACADEMY_ZONE = ZoneId.of("Europe/Paris");

    /** Academy setting: UIDs per UID MOVE command (each command is atomic; smaller batches hold shorter locks). */
    public static final String MOVE_BATCH = "mail.move.batch-size";

    @Inject
    private ImapConnector imap;

    @EJB
    private AcademySettings settings;

    @EJB
    private MoveJournal journal;

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
        return overview(ctx, path, sort, descending, conversations, limit, null).overview();
    }

    /** Work done on the mail page's connection before the overview (opening the message of a link). */
    public interface OnConnection<T> {
        T run(Store store) throws MessagingException;
    }

    /**
     * The overview and what {@code first} gave, or the "not found" or "invalid" it met (the page is shown without
     * it).
     */
    public record With<T>(MailboxOverview overview, T value, RuntimeException failure) {
    }

    /** {@link #overview}, after {@code first} (may be null) ran on the same connection. */
    public <T> With<T> overview(MailboxContext ctx, FolderPath path, MessageSort sort, boolean descending,
            boolean conversations, int limit, OnConnection<T> first) {
        try (Store store = imap.connect(ctx)) {
            T value = null;
            RuntimeException failure = null;
            if (first != null) {
                try {
                    value = first.run(store);
                } catch (NotFoundException | InvalidInputException e) {
                    failure = e;
                }
            }
            repairMoves(store, ctx.owner().address());
            List<ImapCommands.ListedFolder> listed = ImapCommands.listStatus(store, "MESSAGES", "UNSEEN", "SIZE");
            List<FolderInfo> folders = MailGateway.folders(listed);
            QuotaInfo quota = FolderOperations.quota(store, listed);
            ListPage page = conversations ? threadPage(store, path, 0, limit)
                    : page(store, path, sort, descending, 0, limit);
            return new With<>(new MailboxOverview(folders, quota, page), value, failure);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static ListPage page(Store store, FolderPath path, MessageSort sort, boolean descending, int offset,
            int limit) throws MessagingException {
        try (OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            int total;
            List<Message> present;
            if (sort == MessageSort.ARRIVAL) {
                // The folder's own order: the page is a range of sequence numbers, no SORT to compute.
                total = folder.getMessageCount();
                int first = descending ? total - offset - limit + 1 : offset + 1;
                int last = descending ? total - offset : offset + limit;
                first = Math.max(1, first);
                last = Math.min(total, last);
                List<Message> range = first > last ? new ArrayList<>() : new ArrayList<>(
                        Arrays.asList(folder.getMessages(first, last)));
                if (descending) {
                    java.util.Collections.reverse(range);
                }
                present = range.stream().filter(m -> !m.isExpunged()).toList();
            } else {
                ImapCommands.SortedUids sorted = ImapCommands.sortedPage(folder, sort.imapKey(), descending, offset,
                        limit);
                total = sorted.total();
                present = Arrays.stream(folder.getMessagesByUID(sorted.uids()))
                        .filter(m -> m != null && !m.isExpunged()).toList();
            }
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
            return new ListPage(total, rows);
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
            return moveWithin(ctx, store, from, uids, target.getFullName());
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
            return moveWithin(ctx, store, from, uids, trash.getFullName());
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** The UIDs of the folder's messages dated before {@code day} ({@code UID SEARCH SENTBEFORE}). */
    public List<MessageUid> sentBefore(MailboxContext ctx, FolderPath path, LocalDate day) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            long validity = folder.getUIDValidity();
            return Arrays.stream(ImapCommands.sentBefore(folder, day)).mapToObj(u -> new MessageUid(validity, u))
                    .toList();
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
                moved += moveWithin(ctx, store, from, year.getValue(), yearFolder.getFullName());
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

    private int moveWithin(MailboxContext ctx, Store store, FolderPath from, List<MessageUid> uids,
            String destination) throws MessagingException {
        repairMoves(store, ctx.owner().address());
        try (OpenFolder open = ImapConnector.open(store, from, Folder.READ_WRITE)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            long[] raw = uidsOf(folder, uids);
            move(ctx.owner().address(), folder, raw, destination);
            return raw.length;
        }
    }

    /**
     * UID MOVE of these UIDs of the open folder, {@link #batch()} at a time, each command written to the journal
     * before it runs (ADR 0022). Without PostgreSQL the move still runs, without that record.
     */
    void move(String mailbox, IMAPFolder source, long[] uids, String destination) throws MessagingException {
        int size = Math.max(1, batch());
        for (int start = 0; start < uids.length; start += size) {
            long[] chunk = Arrays.copyOfRange(uids, start, Math.min(uids.length, start + size));
            Status target = (Status) source.doCommand(p -> p.status(destination,
                    new String[] {"UIDNEXT", "UIDVALIDITY"}));
            Long entry = null;
            try {
                entry = journal.begin(mailbox, source.getFullName(), source.getUIDValidity(), chunk, destination,
                        target.uidvalidity, target.uidnext);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "move of " + chunk.length + " messages without its journal entry", e);
            }
            try {
                ImapCommands.uidMove(source, chunk, destination, chunk.length);
            } catch (MessagingException | RuntimeException e) {
                if (entry != null) {
                    journal.interrupted(entry);
                }
                throw e;
            }
            if (entry != null) {
                try {
                    journal.done(entry);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "journal entry " + entry + " left for the next repair", e);
                }
            }
        }
    }

    /**
     * Repairs the moves of the mailbox that a stop cut off (ADR 0022): a message that is in the destination and
     * still in the source leaves the source. A repair that fails now is tried again at the next call.
     */
    void repairMoves(Store store, String mailbox) {
        List<MoveJournal.PendingMove> pending;
        try {
            pending = journal.pending(mailbox);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "move journal unavailable", e);
            return;
        }
        for (MoveJournal.PendingMove move : pending) {
            try {
                int removed = repair(store, move);
                journal.done(move.id());
                LOG.info("interrupted move " + move.id() + " of " + mailbox + " repaired: " + removed
                        + " message(s) found in both folders removed from " + move.source());
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "repair of interrupted move " + move.id() + " postponed", e);
            }
        }
    }

    private static int repair(Store store, MoveJournal.PendingMove move) throws MessagingException {
        List<String> arrived = new ArrayList<>();
        Folder destination = store.getFolder(move.destination());
        if (!destination.exists()) {
            return 0;
        }
        try (OpenFolder open = ImapConnector.open(store, new FolderPath(move.destination()), Folder.READ_ONLY)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            if (folder.getUIDValidity() != move.destValidity()) {
                return 0;
            }
            Message[] news = present(folder.getMessagesByUID(move.destUidNext(), UIDFolder.LASTUID));
            fetchIdentity(folder, news);
            for (Message m : news) {
                if (folder.getUID(m) >= move.destUidNext()) {
                    arrived.add(identity(m));
                }
            }
        }
        Folder source = store.getFolder(move.source());
        if (arrived.isEmpty() || !source.exists()) {
            return 0;
        }
        try (OpenFolder open = ImapConnector.open(store, new FolderPath(move.source()), Folder.READ_WRITE)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            if (folder.getUIDValidity() != move.sourceValidity()) {
                return 0;
            }
            Message[] left = present(folder.getMessagesByUID(move.sourceUids()));
            fetchIdentity(folder, left);
            List<Message> twice = new ArrayList<>();
            for (Message m : left) {
                // Each copy in the destination answers for one message of the source.
                if (arrived.remove(identity(m))) {
                    twice.add(m);
                }
            }
            if (twice.isEmpty()) {
                return 0;
            }
            long[] uids = new long[twice.size()];
            for (int i = 0; i < uids.length; i++) {
                uids[i] = folder.getUID(twice.get(i));
            }
            folder.setFlags(twice.toArray(Message[]::new), new Flags(Flags.Flag.DELETED), true);
            ImapCommands.uidExpunge(folder, uids);
            return uids.length;
        }
    }

    private static Message[] present(Message[] messages) {
        return Arrays.stream(messages).filter(m -> m != null && !m.isExpunged()).toArray(Message[]::new);
    }

    private static void fetchIdentity(IMAPFolder folder, Message[] messages) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(messages, profile);
    }

    /** What a copy keeps of its original: Message-ID, INTERNALDATE and size. */
    private static String identity(Message m) throws MessagingException {
        Date received = m.getReceivedDate();
        return ((jakarta.mail.internet.MimeMessage) m).getMessageID() + "|"
                + (received == null ? "" : received.getTime()) + "|" + m.getSize();
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

package fr.preau.mail.imap;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.mail.SpecialUse;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * IMAP commands that Angus Mail does not offer with UIDs: {@code UID SORT RETURN (PARTIAL …)} (ESORT and
 * CONTEXT=SORT, RFC 5267: the server sorts, only one page of UIDs travels), {@code UID MOVE} (RFC 6851) and
 * {@code UID EXPUNGE} of exactly the given UIDs (UIDPLUS), and {@code LIST … RETURN (STATUS …)} (LIST-STATUS,
 * RFC 5819: every folder with its counts in one round trip). Each folder command runs on an open {@link IMAPFolder};
 * the untagged responses go back to the folder, so its cached messages stay right.
 */
public final class ImapCommands {
    /** UIDs per MOVE or EXPUNGE command by default (academy setting {@code mail.move.batch-size}). */
    public static final int MOVE_CHUNK = 200;
    private static final Pattern COUNT = Pattern.compile("\\bCOUNT (\\d+)");
    private static final Pattern ALL = Pattern.compile("\\bALL ([0-9:,]+)");
    private static final DateTimeFormatter SEARCH_DAY = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    private static final Pattern PARTIAL = Pattern.compile("\\bPARTIAL \\(\\d+:\\d+ ([^)]*)\\)");

    private ImapCommands() {
    }

    /**
     * A folder as LIST-STATUS returns it.
     *
     * @param attributes its LIST attributes (\Sent, \HasChildren, \Noselect …)
     * @param status the STATUS items asked for, or null for a folder that cannot hold messages
     */
    public record ListedFolder(String name, char separator, String[] attributes, Status status) {
        /** Whether the folder holds messages (it can be selected). */
        public boolean selectable() {
            return status != null;
        }

        /** How deep in the tree: 0 for a top-level folder. */
        public int depth() {
            return (int) name.chars().filter(c -> c == separator).count();
        }
    }

    /**
     * The roots of the namespaces that hold other people's folders (Dovecot's {@code shared/}, where a delegation's
     * folders appear, docs/adr/0103): the mailbox's own listings leave them out. NAMESPACE is asked once per
     * connection (the store keeps the answer).
     */
    static List<String> foreignRoots(Store store) throws MessagingException {
        List<String> roots = new ArrayList<>();
        for (Folder ns : store.getSharedNamespaces()) {
            roots.add(ns.getFullName());
        }
        for (Folder ns : store.getUserNamespaces(null)) {
            roots.add(ns.getFullName());
        }
        roots.removeIf(String::isEmpty);
        return roots;
    }

    /** Whether the folder {@code name} is one of the {@code roots} or below one. */
    static boolean under(List<String> roots, String name, char separator) {
        return roots.stream().anyMatch(root -> name.equals(root) || name.startsWith(root + separator));
    }

    /**
     * Every folder of the mailbox with its special use and the given STATUS items (MESSAGES, UNSEEN, UIDNEXT,
     * UIDVALIDITY …), in one round trip instead of one STATUS per folder; only the owner's own namespace, not the
     * folders others share with the owner ({@link #foreignRoots}).
     */
    public static List<ListedFolder> listStatus(Store store, String... items) throws MessagingException {
        IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
        DelegateStore delegate = store instanceof DelegateStore d ? d : null;
        String pattern = delegate == null ? "*" : delegate.root() + "/*";
        String command = "LIST \"\" \"" + pattern + "\" RETURN (SPECIAL-USE STATUS (" + String.join(" ", items)
                + "))";
        Response[] responses = (Response[]) root.doCommand(protocol -> {
            Response[] r = protocol.command(command, null);
            protocol.handleResult(r[r.length - 1]);
            return r;
        });
        List<ListInfo> listed = new ArrayList<>();
        Map<String, Status> statuses = new HashMap<>();
        try {
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.isUnTagged()) {
                    if (ir.keyEquals("LIST")) {
                        listed.add(new ListInfo(ir));
                    } else if (ir.keyEquals("STATUS")) {
                        Status status = new Status(ir);
                        statuses.put(status.mbox, status);
                    }
                }
            }
        } catch (ParsingException e) {
            throw new MessagingException("LIST-STATUS answer not understood", e);
        }
        List<String> foreign = delegate == null ? foreignRoots(store) : List.of();
        List<ListedFolder> result = new ArrayList<>(listed.size());
        for (ListInfo info : listed) {
            if (under(foreign, info.name, info.separator)) {
                continue;
            }
            boolean selectable = info.canOpen && Arrays.stream(info.attrs)
                    .noneMatch(a -> a.equalsIgnoreCase("\\Noselect") || a.equalsIgnoreCase("\\NonExistent"));
            Status status = selectable ? statuses.get(info.name) : null;
            result.add(delegate == null ? new ListedFolder(info.name, info.separator, info.attrs, status)
                    : ownerFolder(delegate, info, status));
        }
        return result;
    }

    /**
     * A folder of the owner listed by a delegate, named as the owner names it, with the special use its name gives
     * (docs/adr/0104: Dovecot announces none in the shared namespace).
     */
    private static ListedFolder ownerFolder(DelegateStore delegate, ListInfo info, Status status) {
        String name = delegate.ownerName(info.name);
        String[] attributes = info.attrs;
        SpecialUse use = ImapConnector.specialUse(delegate, info.name, info.attrs);
        if (use.attribute() != null) {
            attributes = Arrays.copyOf(info.attrs, info.attrs.length + 1);
            attributes[info.attrs.length] = use.attribute();
        }
        return new ListedFolder(name, info.separator, attributes, status);
    }

    /** A page of UIDs in sort order, and how many messages the folder holds. */
    public record SortedUids(int total, long[] uids) {
    }

    /**
     * Sorts the whole folder on the server and returns only the UIDs of {@code offset .. offset+limit-1}.
     *
     * @param key an IMAP SORT key (DATE, DISPLAYFROM, SUBJECT, SIZE, ARRIVAL)
     */
    public static SortedUids sortedPage(IMAPFolder folder, String key, boolean descending, int offset, int limit)
            throws MessagingException {
        String command = "UID SORT RETURN (PARTIAL " + (offset + 1) + ":" + (offset + limit) + " COUNT) ("
                + (descending ? "REVERSE " : "") + key + ") UTF-8 ALL";
        Response[] responses = run(folder, command, null);
        int total = 0;
        long[] uids = new long[0];
        for (Response r : responses) {
            String line = r.toString();
            if (!line.startsWith("* ESEARCH")) {
                continue;
            }
            Matcher count = COUNT.matcher(line);
            if (count.find()) {
                total = Integer.parseInt(count.group(1));
            }
            Matcher partial = PARTIAL.matcher(line);
            if (partial.find()) {
                uids = parseOrderedSet(partial.group(1).trim());
            }
        }
        return new SortedUids(total, uids);
    }

    /**
     * The UIDs of the open folder's messages whose {@code Date} header (Dovecot: else their arrival) is before
     * {@code day}, ascending: {@code UID SEARCH RETURN (ALL) SENTBEFORE} (ESEARCH, RFC 4731: the answer is a compact
     * set, not one number per message).
     */
    public static long[] sentBefore(IMAPFolder folder, LocalDate day) throws MessagingException {
        String command = "UID SEARCH RETURN (ALL) SENTBEFORE " + SEARCH_DAY.format(day);
        for (Response r : run(folder, command, null)) {
            String line = r.toString();
            Matcher all = ALL.matcher(line);
            if (line.startsWith("* ESEARCH") && all.find()) {
                long[] uids = parseOrderedSet(all.group(1));
                Arrays.sort(uids);
                return uids;
            }
        }
        return new long[0];
    }

    /**
     * The conversations of the folder ({@code UID THREAD REFERENCES}, RFC 5256), each as the UIDs of its messages,
     * the conversation with the newest message first.
     */
    public static List<long[]> threads(IMAPFolder folder) throws MessagingException {
        List<long[]> threads = new ArrayList<>();
        for (Response r : run(folder, "UID THREAD REFERENCES UTF-8 ALL", null)) {
            String line = r.toString();
            if (line.startsWith("* THREAD")) {
                threads.addAll(parseThreads(line.substring("* THREAD".length())));
            }
        }
        threads.sort((a, b) -> Long.compare(max(b), max(a)));
        return threads;
    }

    /** Top-level parenthesised groups of a THREAD answer, each flattened to its UIDs. */
    static List<long[]> parseThreads(String text) {
        List<long[]> threads = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        int depth = 0;
        long number = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                number = (number < 0 ? 0 : number * 10) + (c - '0');
                continue;
            }
            if (number >= 0) {
                current.add(number);
                number = -1;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0 && !current.isEmpty()) {
                threads.add(current.stream().mapToLong(Long::longValue).toArray());
                current = new ArrayList<>();
            }
        }
        return threads;
    }

    private static long max(long[] uids) {
        long m = 0;
        for (long u : uids) {
            m = Math.max(m, u);
        }
        return m;
    }

    /**
     * The UIDs of a sequence set in its written order; a range written {@code 9:5} is descending (RFC 5267 lets
     * ESORT answers do that). {@code NIL} is empty.
     */
    static long[] parseOrderedSet(String set) {
        if (set.isEmpty() || "NIL".equalsIgnoreCase(set)) {
            return new long[0];
        }
        List<Long> result = new ArrayList<>();
        for (String part : set.split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                result.add(Long.parseLong(part));
                continue;
            }
            long from = Long.parseLong(part.substring(0, colon));
            long to = Long.parseLong(part.substring(colon + 1));
            long step = from <= to ? 1 : -1;
            for (long u = from; u != to + step; u += step) {
                result.add(u);
            }
        }
        return result.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Moves exactly these UIDs with {@code UID MOVE}, a few hundred per command. Each command either moved its
     * messages or not, so after an interruption every message is in one of the two folders, once.
     */
    public static void uidMove(IMAPFolder folder, long[] uids, String destination, int batch)
            throws MessagingException {
        int size = Math.max(1, batch);
        for (int start = 0; start < uids.length; start += size) {
            long[] chunk = java.util.Arrays.copyOfRange(uids, start, Math.min(uids.length, start + size));
            Argument args = new Argument();
            args.writeString(BASE64MailboxEncoder.encode(destination));
            run(folder, "UID MOVE " + UIDSet.toString(UIDSet.createUIDSets(chunk)), args);
        }
    }

    /** Expunges exactly these UIDs (already flagged \Deleted), nothing another client flagged. */
    public static void uidExpunge(IMAPFolder folder, long[] uids) throws MessagingException {
        for (int start = 0; start < uids.length; start += MOVE_CHUNK) {
            long[] chunk = java.util.Arrays.copyOfRange(uids, start, Math.min(uids.length, start + MOVE_CHUNK));
            run(folder, "UID EXPUNGE " + UIDSet.toString(UIDSet.createUIDSets(chunk)), null);
        }
    }

    /** Every UID of the open folder. */
    public static long[] allUids(IMAPFolder folder) throws MessagingException {
        jakarta.mail.Message[] all = folder.getMessages();
        jakarta.mail.FetchProfile profile = new jakarta.mail.FetchProfile();
        profile.add(jakarta.mail.UIDFolder.FetchProfileItem.UID);
        folder.fetch(all, profile);
        long[] uids = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            uids[i] = folder.getUID(all[i]);
        }
        return uids;
    }

    private static Response[] run(IMAPFolder folder, String command, Argument args) throws MessagingException {
        return (Response[]) folder.doCommand(protocol -> {
            Response[] responses = protocol.command(command, args);
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return responses;
        });
    }
}

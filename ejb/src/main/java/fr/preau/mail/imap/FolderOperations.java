package fr.preau.mail.imap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.QuotaInfo;
import fr.preau.mail.SpecialUse;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The folder tree in IMAP: create, rename, move (a rename under another parent), delete (the content goes to the
 * Corbeille first, with UID MOVE), and the quota (GETQUOTAROOT) with the size of each folder (STATUS SIZE).
 * Special-use folders and INBOX are never renamed, moved or deleted.
 */
@ApplicationScoped
public class FolderOperations {
    /** Longest folder name a user may type (one level). */
    public static final int MAX_NAME = 100;

    @Inject
    private ImapConnector imap;

    @Inject
    private MessageOperations messages;

    /** Creates {@code name} under {@code parent} (null: top level) and subscribes it. */
    public FolderPath create(MailboxContext ctx, FolderPath parent, String name) {
        String leaf = checkedName(name);
        try (Store store = imap.connect(ctx)) {
            char sep = store.getDefaultFolder().getSeparator();
            if (parent != null && !store.getFolder(parent.name()).exists()) {
                throw new NotFoundException("mail.error.folderGone", parent.name());
            }
            Folder folder = store.getFolder(parent == null ? leaf : parent.name() + sep + leaf);
            if (folder.exists()) {
                throw new InvalidInputException("name", "mail.folder.error.exists", leaf);
            }
            if (!folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)) {
                throw new InvalidInputException("name", "mail.folder.error.refused", leaf);
            }
            folder.setSubscribed(true);
            return new FolderPath(folder.getFullName());
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Gives the folder a new name at the same place. */
    public FolderPath rename(MailboxContext ctx, FolderPath path, String newName) {
        String leaf = checkedName(newName);
        try (Store store = imap.connect(ctx)) {
            char sep = store.getDefaultFolder().getSeparator();
            int at = path.name().lastIndexOf(sep);
            String parent = at < 0 ? null : path.name().substring(0, at);
            return renameTo(store, path, parent == null ? leaf : parent + sep + leaf);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Moves the folder (with its subfolders) under {@code newParent}; null moves it to the top level. */
    public FolderPath move(MailboxContext ctx, FolderPath path, FolderPath newParent) {
        try (Store store = imap.connect(ctx)) {
            char sep = store.getDefaultFolder().getSeparator();
            String leaf = path.leaf(sep);
            if (newParent != null && (newParent.equals(path) || newParent.name().startsWith(path.name() + sep))) {
                throw new InvalidInputException("parent", "mail.folder.error.intoItself", leaf);
            }
            if (newParent != null && !store.getFolder(newParent.name()).exists()) {
                throw new NotFoundException("mail.error.folderGone", newParent.name());
            }
            return renameTo(store, path, newParent == null ? leaf : newParent.name() + sep + leaf);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private FolderPath renameTo(Store store, FolderPath path, String target) throws MessagingException {
        Folder folder = ordinary(store, path);
        Folder destination = store.getFolder(target);
        if (destination.exists()) {
            throw new InvalidInputException("name", "mail.folder.error.exists", target);
        }
        folder.setSubscribed(false);
        if (!folder.renameTo(destination)) {
            throw new InvalidInputException("name", "mail.folder.error.refused", target);
        }
        destination.setSubscribed(true);
        return new FolderPath(destination.getFullName());
    }

    /** How many messages the folder and its subfolders hold (asked before deleting). */
    public int messageCount(MailboxContext ctx, FolderPath path) {
        try (Store store = imap.connect(ctx)) {
            int count = 0;
            for (Folder f : withDescendants(store, ordinary(store, path))) {
                if ((f.getType() & Folder.HOLDS_MESSAGES) != 0) {
                    count += f.getMessageCount();
                }
            }
            return count;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * Deletes the folder and its subfolders. Their messages first go to the Corbeille (UID MOVE), so nothing is
     * lost; a folder is deleted only once it is empty. Returns how many messages went to the Corbeille.
     */
    public int delete(MailboxContext ctx, FolderPath path) {
        try (Store store = imap.connect(ctx)) {
            Folder folder = ordinary(store, path);
            String trash = MessageOperations.special(store, SpecialUse.TRASH).getFullName();
            List<Folder> all = withDescendants(store, folder);
            int moved = 0;
            for (Folder f : all) {
                if ((f.getType() & Folder.HOLDS_MESSAGES) == 0 || f.getMessageCount() == 0) {
                    continue;
                }
                try (OpenFolder open = ImapConnector.open(store, new FolderPath(f.getFullName()),
                        Folder.READ_WRITE)) {
                    IMAPFolder imapFolder = (IMAPFolder) open.folder();
                    long[] uids = ImapCommands.allUids(imapFolder);
                    messages.move(ctx.owner().address(), imapFolder, uids, trash);
                    moved += uids.length;
                }
            }
            all.sort(Comparator.comparingInt((Folder f) -> f.getFullName().length()).reversed());
            for (Folder f : all) {
                f.setSubscribed(false);
                if (!f.delete(false)) {
                    throw new InvalidInputException("name", "mail.folder.error.refused", f.getFullName());
                }
            }
            return moved;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Storage used and allowed (GETQUOTAROOT INBOX), and the three largest folders; null without a quota. */
    public QuotaInfo quota(MailboxContext ctx) {
        try (Store store = imap.connect(ctx)) {
            return quota(store, null);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * Storage used and allowed (GETQUOTAROOT INBOX) alone, over one connection; null without a quota. Dovecot's
     * {@code count} quota answers 0 for a mailbox it cannot read, so a STATUS of INBOX comes first: it fails then.
     */
    public QuotaInfo usage(MailboxContext ctx) {
        try (Store store = imap.connect(ctx)) {
            store.getFolder("INBOX").getMessageCount();
            return quota(store, List.of());
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * The quota over an open connection.
     *
     * @param listed the folders with their STATUS SIZE when already listed, else null (one LIST-STATUS then)
     */
    static QuotaInfo quota(Store store, List<ImapCommands.ListedFolder> listed) throws MessagingException {
        if (store instanceof DelegateStore) {
            // The quota is the owner's business: a delegate's GETQUOTAROOT would answer the delegate's own.
            return null;
        }
        Quota[] roots = ((IMAPStore) store).getQuota("INBOX");
        for (Quota q : roots) {
            for (Quota.Resource r : q.resources) {
                if ("STORAGE".equalsIgnoreCase(r.name) && r.limit > 0) {
                    return new QuotaInfo(r.usage, r.limit,
                            largest(listed != null ? listed : ImapCommands.listStatus(store, "SIZE"), 3));
                }
            }
        }
        return null;
    }

    private static List<QuotaInfo.FolderSize> largest(List<ImapCommands.ListedFolder> listed, int howMany) {
        List<QuotaInfo.FolderSize> sizes = new ArrayList<>();
        for (ImapCommands.ListedFolder f : listed) {
            long size = f.selectable() ? Math.max(0, f.status().getItem("SIZE")) : 0;
            if (size > 0) {
                sizes.add(new QuotaInfo.FolderSize(new FolderPath(f.name()), size));
            }
        }
        sizes.sort(Comparator.comparingLong(QuotaInfo.FolderSize::bytes).reversed());
        return List.copyOf(sizes.subList(0, Math.min(howMany, sizes.size())));
    }

    /** A folder the user may rename, move or delete: it exists and is neither INBOX nor a special-use folder. */
    private static Folder ordinary(Store store, FolderPath path) throws MessagingException {
        Folder folder = store.getFolder(path.name());
        if (!folder.exists()) {
            throw new NotFoundException("mail.error.folderGone", path.name());
        }
        if (SpecialUse.fromAttributes(folder.getFullName(), ImapConnector.attributes(folder)) != SpecialUse.NONE) {
            throw new InvalidInputException("name", "mail.folder.error.special", path.name());
        }
        return folder;
    }

    private static List<Folder> withDescendants(Store store, Folder folder) throws MessagingException {
        List<Folder> all = new ArrayList<>();
        all.add(folder);
        for (Folder child : folder.list("*")) {
            all.add(child);
        }
        return all;
    }

    private static String checkedName(String name) {
        String leaf = name == null ? "" : name.strip();
        if (leaf.isEmpty()) {
            throw new InvalidInputException("name", "mail.folder.error.empty", null);
        }
        if (leaf.length() > MAX_NAME) {
            throw new InvalidInputException("name", "mail.folder.error.long", String.valueOf(MAX_NAME));
        }
        if (leaf.chars().anyMatch(c -> c == '/' || c == '*' || c == '%' || c == '"' || c == '\\'
                || Character.isISOControl(c)) || leaf.startsWith(".")) {
            throw new InvalidInputException("name", "mail.folder.error.chars", leaf);
        }
        return leaf;
    }
}

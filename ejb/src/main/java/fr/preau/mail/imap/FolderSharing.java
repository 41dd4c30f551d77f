package fr.preau.mail.imap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.preau.mail.FolderPath;
import fr.preau.mail.FolderRights;
import fr.preau.mail.MailboxContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.Rights;

/**
 * Another person's rights on every folder of a mailbox, as IMAP ACLs (RFC 4314) set by the owner's session, so
 * Dovecot enforces them for every client and lists the folders to the grantee under {@code shared/<owner>/}
 * (docs/adr/0103). READ is {@code lr}; READ_AND_FILE is {@code lrswite} (flags, \Seen included, insert for the
 * target of a move, \Deleted and expunge), never the rights to create, rename or delete folders, post, or
 * administer. A folder the owner creates later is covered by Dovecot: a subfolder gets a copy of its parent's
 * rights, a top-level folder has none of its own and follows INBOX's ({@code acl_defaults_from_inbox}).
 */
@ApplicationScoped
public class FolderSharing {
    private static final String READ = "lr";
    private static final String READ_AND_FILE = "lrswite";

    @Inject
    private ImapConnector imap;

    /** See {@link fr.preau.mail.Mailbox#share}. */
    public int share(MailboxContext ctx, String grantee, FolderRights rights) {
        String letters = switch (rights) {
            case READ -> READ;
            case READ_AND_FILE -> READ_AND_FILE;
            case OTHER -> throw new IllegalArgumentException("Rights to give must be READ or READ_AND_FILE");
        };
        try (Store store = imap.connect(ctx)) {
            List<IMAPFolder> folders = personal(store);
            for (IMAPFolder f : folders) {
                f.addACL(new ACL(grantee, new Rights(letters)));
            }
            return folders.size();
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** See {@link fr.preau.mail.Mailbox#unshare}. */
    public int unshare(MailboxContext ctx, String grantee) {
        try (Store store = imap.connect(ctx)) {
            int had = 0;
            for (IMAPFolder f : personal(store)) {
                if (rightsOf(f, grantee) != null) {
                    f.removeACL(grantee);
                    had++;
                }
            }
            return had;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** See {@link fr.preau.mail.Mailbox#sharedWith}. */
    public Map<FolderPath, FolderRights> sharedWith(MailboxContext ctx, String grantee) {
        try (Store store = imap.connect(ctx)) {
            Map<FolderPath, FolderRights> result = new LinkedHashMap<>();
            for (IMAPFolder f : personal(store)) {
                String letters = rightsOf(f, grantee);
                if (letters != null) {
                    result.put(new FolderPath(f.getFullName()), level(letters));
                }
            }
            return result;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static FolderRights level(String letters) {
        Set<Character> have = chars(letters);
        if (have.equals(chars(READ))) {
            return FolderRights.READ;
        }
        return have.equals(chars(READ_AND_FILE)) ? FolderRights.READ_AND_FILE : FolderRights.OTHER;
    }

    /**
     * The rights as a set, without RFC 2086's obsolete {@code c} and {@code d}, which Dovecot adds to what GETACL
     * answers when their RFC 4314 equivalents are there ({@code lrswite} comes back as {@code eilrwtsd}).
     */
    private static Set<Character> chars(String letters) {
        Set<Character> set = new TreeSet<>();
        letters.chars().filter(c -> c != 'c' && c != 'd').forEach(c -> set.add((char) c));
        return set;
    }

    /** The letters {@code grantee} holds on the folder, or null when none. */
    private static String rightsOf(IMAPFolder folder, String grantee) throws MessagingException {
        for (ACL acl : folder.getACL()) {
            if (acl.getName().equalsIgnoreCase(grantee)) {
                String letters = acl.getRights().toString();
                return letters.isEmpty() ? null : letters;
            }
        }
        return null;
    }

    /** Every folder of the owner's own namespace that exists (not those others share with the owner). */
    private static List<IMAPFolder> personal(Store store) throws MessagingException {
        List<String> foreign = ImapCommands.foreignRoots(store);
        List<IMAPFolder> result = new ArrayList<>();
        Folder root = store.getDefaultFolder();
        char separator = root.getSeparator();
        for (Folder f : root.list("*")) {
            boolean other = ImapCommands.under(foreign, f.getFullName(), separator);
            boolean exists = Arrays.stream(ImapConnector.attributes(f))
                    .noneMatch(a -> a.equalsIgnoreCase("\\NonExistent") || a.equalsIgnoreCase("\\Noselect"));
            if (!other && exists) {
                result.add((IMAPFolder) f);
            }
        }
        return result;
    }
}

package fr.preau.mail.imap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * A store signed in as a delegate that shows the owner's mailbox (docs/adr/0104): every folder name the portal gives
 * is taken in the owner's folders of Dovecot's shared namespace ({@code shared/<owner>/INBOX} for {@code INBOX}), so
 * the code that works on one's own mailbox works unchanged on the owner's, and Dovecot checks the delegate's ACLs on
 * every command. A name already in the owner's folders (the full name of a folder this store listed) is kept; any
 * other name, a crafted one that points at a third person's {@code shared/…} included, is put under the owner's
 * folders, where it names nothing of anyone else.
 */
final class DelegateStore extends IMAPStore {
    private final String root;
    private final char separator;

    DelegateStore(Session session, String ownerAddress) {
        super(session, new URLName("imap", null, -1, null, null, null));
        this.separator = '/';
        this.root = "shared" + separator + ownerAddress;
    }

    /** The owner's folders' root, {@code shared/<owner>}. */
    String root() {
        return root;
    }

    /** The owner's name of a folder listed by this store ({@code INBOX} for {@code shared/<owner>/INBOX}). */
    String ownerName(String fullName) {
        String prefix = root + separator;
        return fullName.startsWith(prefix) ? fullName.substring(prefix.length()) : fullName;
    }

    /** The full name of one of the owner's folders. */
    String fullName(String name) {
        String prefix = root + separator;
        return name.equals(root) || name.startsWith(prefix) ? name : prefix + name;
    }

    @Override
    public synchronized Folder getFolder(String name) throws MessagingException {
        return super.getFolder(fullName(name));
    }

    @Override
    public synchronized Folder getDefaultFolder() throws MessagingException {
        return super.getFolder(root);
    }
}

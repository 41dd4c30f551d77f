package fr.preau.delegation;

import java.util.ArrayList;
import java.util.List;

import fr.preau.testing.ImapProbe;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.ReadOnlyFolderException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** What a delegate's plain IMAP client sees of an owner's mailbox under {@code shared/<owner>/}. */
public final class SharedFolders {
    private SharedFolders() {
    }

    /** The owner's folders the client lists, as {@code INBOX}, {@code Archives} … (without the prefix). */
    public static List<String> listed(ImapProbe client, String owner) throws MessagingException {
        String prefix = "shared/" + owner + "/";
        List<String> names = new ArrayList<>();
        for (Folder f : client.store().getDefaultFolder().list(prefix + "*")) {
            names.add(f.getFullName().substring(prefix.length()));
        }
        return names;
    }

    /**
     * Selects the owner's folder and sends one raw command (its text after the tag) in it; whether the server
     * answered OK. A refusal must come from the server: the client is asked for nothing it could refuse itself.
     */
    public static boolean accepted(ImapProbe client, String owner, String folder, String command)
            throws MessagingException {
        IMAPFolder f = (IMAPFolder) client.store().getFolder("shared/" + owner + "/" + folder);
        try {
            f.open(Folder.READ_WRITE);
        } catch (ReadOnlyFolderException e) {
            // Dovecot answered SELECT with [READ-ONLY] (no right to change anything): the command goes in anyway.
            f.open(Folder.READ_ONLY);
        }
        try {
            return (Boolean) f.doCommand(protocol -> {
                Response[] r = protocol.command(command, null);
                return r[r.length - 1].isOK();
            });
        } finally {
            f.close(false);
        }
    }

    /** Gives {@code identifier} the rights {@code rights} (RFC 4314 letters) on the owner's own folder, raw SETACL. */
    public static void grant(ImapProbe owner, String folder, String identifier, String rights)
            throws MessagingException {
        ((IMAPFolder) owner.store().getFolder(folder)).addACL(new org.eclipse.angus.mail.imap.ACL(identifier,
                new org.eclipse.angus.mail.imap.Rights(rights)));
    }

    /** The identifiers with rights on the owner's own folder (GETACL), the owner included. */
    public static List<String> grantees(ImapProbe owner, String folder) throws MessagingException {
        List<String> names = new ArrayList<>();
        for (org.eclipse.angus.mail.imap.ACL acl : ((IMAPFolder) owner.store().getFolder(folder)).getACL()) {
            names.add(acl.getName());
        }
        return names;
    }
}

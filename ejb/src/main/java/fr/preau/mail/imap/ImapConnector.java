package fr.preau.mail.imap;

import java.net.InetAddress;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.SpecialUse;
import fr.preau.shared.Component;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The plumbing every IMAP or SMTP operation shares: a Store or Transport signed in as the user through Dovecot's
 * master user (ADR 0001), folders opened and closed without expunging, failures turned into
 * {@link ServiceUnavailableException}. The server addresses and the master credentials come from the WildFly mail
 * session {@code java:jboss/mail/preau} (wildfly-config/src/main/cli/02-mail.cli).
 */
@ApplicationScoped
public class ImapConnector {
    private static final Logger LOG = Logger.getLogger(ImapConnector.class.getName());
    private static final String MASTER_SEPARATOR = "*";
    private static final int TIMEOUT_MS = 15_000;

    @Resource(lookup = "java:jboss/mail/preau")
    private Session configured;

    private volatile Session shared;

    /**
     * A store signed in as the mailbox owner; the caller closes it (try-with-resources). A delegate's context
     * ({@link MailboxContext.Kind#DELEGATE}) signs in as the delegate and shows the owner's folders of the shared
     * namespace ({@link DelegateStore}): Dovecot checks the delegation's ACLs on every command (docs/adr/0104).
     */
    public Store connect(MailboxContext ctx) {
        return ctx.delegated() ? signIn(ctx.actor().address(), ctx.owner().address())
                : signIn(ctx.owner().address(), null);
    }

    /** Signs in as {@code login}; with {@code delegatedOwner}, in that owner's folders of the shared namespace. */
    private Store signIn(String login, String delegatedOwner) {
        Session session = userSession();
        PasswordAuthentication master = masterCredentials("imap");
        try {
            Store store = delegatedOwner != null ? new DelegateStore(session, delegatedOwner)
                    : session.getStore("imap");
            store.connect(session.getProperty("mail.imap.host"), port(session, "imap"),
                    login + MASTER_SEPARATOR + master.getUserName(), master.getPassword());
            return store;
        } catch (AuthenticationFailedException e) {
            LOG.log(Level.SEVERE, "IMAP refused the portal's master login for " + login
                    + " (unknown mailbox or wrong master secret)", e);
            throw new ServiceUnavailableException(Component.MAIL_STORE, e);
        } catch (MessagingException e) {
            throw storeFailure(e);
        }
    }

    /**
     * A store signed in as the mailbox's owner even for a delegate's context: only for the copy of a message sent on
     * the owner's behalf in the owner's Envoyés ({@link MailSender}; docs/adr/0104).
     */
    Store connectAsOwner(MailboxContext ctx) {
        return signIn(ctx.owner().address(), null);
    }

    /** A submission connection signed in as the acting user; the caller closes it. */
    public Transport submission(MailboxContext ctx, Session session) {
        PasswordAuthentication master = masterCredentials("smtp");
        try {
            Transport transport = session.getTransport("smtp");
            transport.connect(session.getProperty("mail.smtp.host"), port(session, "smtp"),
                    ctx.actor().address() + MASTER_SEPARATOR + master.getUserName(), master.getPassword());
            return transport;
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "SMTP submission failed for " + ctx.actor().address(), e);
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, e);
        }
    }

    /**
     * Opens a folder; {@link NotFoundException} {@code mail.error.folderGone} when it does not exist.
     *
     * @param mode {@link Folder#READ_ONLY} or {@link Folder#READ_WRITE}
     */
    public static OpenFolder open(Store store, FolderPath path, int mode) throws MessagingException {
        Folder folder = store.getFolder(path.name());
        try {
            folder.open(mode);
        } catch (FolderNotFoundException e) {
            throw new NotFoundException("mail.error.folderGone", path.name());
        }
        return new OpenFolder(folder);
    }

    /** The folder with this special use, or null. */
    public static Folder findSpecial(Store store, SpecialUse use) throws MessagingException {
        for (Folder f : store.getDefaultFolder().list("*")) {
            if (specialUse(store, f.getFullName(), attributes(f)) == use) {
                return f;
            }
        }
        return null;
    }

    /**
     * The special use of a listed folder. Dovecot announces none in the shared namespace (the special uses are
     * settings of the personal one), so in an owner's folders seen by a delegate it comes from the names
     * dovecot.conf gives the owner's special folders ({@link SpecialUse#byOwnName}).
     */
    static SpecialUse specialUse(Store store, String fullName, String[] attributes) {
        if (store instanceof DelegateStore delegate) {
            String name = delegate.ownerName(fullName);
            SpecialUse announced = SpecialUse.fromAttributes(name, attributes);
            return announced != SpecialUse.NONE ? announced : SpecialUse.byOwnName(name);
        }
        return SpecialUse.fromAttributes(fullName, attributes);
    }

    /** The IMAP LIST attributes of a folder (\Sent, \HasChildren …). */
    public static String[] attributes(Folder f) throws MessagingException {
        if (f instanceof IMAPFolder imap) {
            return imap.getAttributes();
        }
        return new String[0];
    }

    /**
     * An open folder that closes WITHOUT expunging: {@code Folder.close()} would expunge, and so delete for good the
     * messages another client (Thunderbird) only marked as deleted.
     */
    public record OpenFolder(Folder folder) implements AutoCloseable {
        @Override
        public void close() throws MessagingException {
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
    }

    /**
     * The session of our own, with the configured servers and timeouts but no shared authenticator; built once:
     * a new {@code Session} looks up the mail providers through the class loaders (a few milliseconds of CPU), and
     * one session serves any number of connections (nothing of ours changes it after it is built).
     */
    public Session userSession() {
        Session session = shared;
        if (session == null) {
            session = newUserSession();
            shared = session;
        }
        return session;
    }

    private Session newUserSession() {
        Properties props = new Properties();
        props.putAll(configured.getProperties());
        for (String protocol : new String[] {"imap", "smtp"}) {
            props.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MS));
            props.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MS * 4));
            props.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MS * 4));
        }
        props.put("mail.smtp.auth", "true");
        // APPEND of a larger message (a draft with attachments) is written twice (measured, then sent) rather
        // than buffered whole in memory.
        props.put("mail.imap.appendbuffersize", String.valueOf(1024 * 1024));
        // Received mail is read as leniently as possible: a malformed address must not hide the message (issue 3).
        props.put("mail.mime.address.strict", "false");
        return Session.getInstance(props);
    }

    private PasswordAuthentication masterCredentials(String protocol) {
        PasswordAuthentication pa = configured.requestPasswordAuthentication(
                (InetAddress) null, port(configured, protocol), protocol, null, null);
        if (pa == null || pa.getUserName() == null || pa.getPassword() == null || pa.getPassword().isEmpty()) {
            LOG.severe("The mail session java:jboss/mail/preau has no master credentials for " + protocol
                    + " (set PREAU_MASTER_USER and PREAU_MASTER_PASSWORD)");
            throw new ServiceUnavailableException(
                    "imap".equals(protocol) ? Component.MAIL_STORE : Component.MAIL_TRANSPORT, null);
        }
        return pa;
    }

    private static int port(Session session, String protocol) {
        String port = session.getProperty("mail." + protocol + ".port");
        return port == null ? -1 : Integer.parseInt(port);
    }

    /** Logs and wraps an IMAP failure. */
    public static ServiceUnavailableException storeFailure(MessagingException e) {
        LOG.log(Level.WARNING, "IMAP failure", e);
        return new ServiceUnavailableException(Component.MAIL_STORE, e);
    }
}

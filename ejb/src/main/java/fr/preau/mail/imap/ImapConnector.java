package fr.preau.mail.imap;

import java.net.InetAddress;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.SpecialUse;
import fr.preau.shared.Component;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.PreDestroy;
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
import jakarta.mail.URLName;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

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
    /** A signed-in store is kept this long after its last use. */
    private static final long IDLE_MS = 60_000;
    private static final int MAX_IDLE_PER_MAILBOX = 2;
    private static final int MAX_IDLE = 500;

    private final ConcurrentMap<String, Deque<PooledStore>> idle = new ConcurrentHashMap<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile long lastEviction;
    private volatile boolean shutDown;
    /** PREAU_IMAP_POOL=off signs out at every close, as before ADR 0031 (to measure the difference). */
    private final boolean pooling = !"off".equalsIgnoreCase(System.getenv("PREAU_IMAP_POOL"));

    @Resource(lookup = "java:jboss/mail/preau")
    private Session configured;

    /**
     * A store signed in as the mailbox owner; the caller closes it (try-with-resources). Closing hands a healthy
     * store back to a small per-mailbox pool (ADR 0031) instead of signing out: the next call for the same mailbox
     * within {@value #IDLE_MS} ms skips the login. A pooled store is checked (NOOP) before it is handed out again.
     */
    public Store connect(MailboxContext ctx) {
        String key = ctx.owner().address();
        PooledStore reused = take(key);
        if (reused != null) {
            return reused;
        }
        Session session = userSession();
        PasswordAuthentication master = masterCredentials("imap");
        try {
            PooledStore store = new PooledStore(session, this, key);
            store.connect(session.getProperty("mail.imap.host"), port(session, "imap"),
                    ctx.owner().address() + MASTER_SEPARATOR + master.getUserName(), master.getPassword());
            return store;
        } catch (AuthenticationFailedException e) {
            LOG.log(Level.SEVERE, "IMAP refused the portal's master login for " + ctx.owner().address()
                    + " (unknown mailbox or wrong master secret)", e);
            throw new ServiceUnavailableException(Component.MAIL_STORE, e);
        } catch (MessagingException e) {
            throw storeFailure(e);
        }
    }

    /** A pooled store of this mailbox that still answers, or null. */
    private PooledStore take(String key) {
        Deque<PooledStore> stores = idle.get(key);
        long now = System.currentTimeMillis();
        while (stores != null) {
            PooledStore store = stores.pollFirst();
            if (store == null) {
                return null;
            }
            idleCount.decrementAndGet();
            if (now - store.idleSince <= IDLE_MS && store.isConnected()) {
                return store;
            }
            store.signOut();
        }
        return null;
    }

    /** Keeps a closed store for the next call, unless the pool is full; false means: really close it. */
    boolean giveBack(PooledStore store) {
        if (!pooling || shutDown || !store.isConnected0()) {
            return false;
        }
        evictExpired();
        if (idleCount.get() >= MAX_IDLE) {
            return false;
        }
        Deque<PooledStore> stores = idle.computeIfAbsent(store.key, k -> new ConcurrentLinkedDeque<>());
        if (stores.size() >= MAX_IDLE_PER_MAILBOX) {
            return false;
        }
        store.idleSince = System.currentTimeMillis();
        stores.addFirst(store);
        idleCount.incrementAndGet();
        return true;
    }

    private void evictExpired() {
        long now = System.currentTimeMillis();
        if (now - lastEviction < 5_000) {
            return;
        }
        lastEviction = now;
        for (Deque<PooledStore> stores : idle.values()) {
            for (PooledStore store : stores) {
                if (now - store.idleSince > IDLE_MS && stores.remove(store)) {
                    idleCount.decrementAndGet();
                    store.signOut();
                }
            }
        }
        idle.values().removeIf(Deque::isEmpty);
    }

    /** Signs out every pooled store (undeploy, shutdown). */
    @PreDestroy
    void closeAll() {
        shutDown = true;
        for (Deque<PooledStore> stores : idle.values()) {
            for (PooledStore store = stores.pollFirst(); store != null; store = stores.pollFirst()) {
                store.signOut();
            }
        }
        idle.clear();
        idleCount.set(0);
    }

    /**
     * An IMAP store whose {@link #close()} gives it back to the pool of its connector; {@link #signOut()} really
     * closes it.
     */
    static final class PooledStore extends IMAPStore {
        private final ImapConnector pool;
        private final String key;
        private volatile long idleSince;

        PooledStore(Session session, ImapConnector pool, String key) {
            super(session, new URLName("imap", null, -1, null, null, null));
            this.pool = pool;
            this.key = key;
        }

        @Override
        public synchronized void close() throws MessagingException {
            if (!pool.giveBack(this)) {
                super.close();
            }
        }

        /** Connected, without the NOOP of {@link #isConnected()} (the store was just used). */
        boolean isConnected0() {
            return super.isConnected();
        }

        void signOut() {
            try {
                super.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.FINE, "Pooled IMAP store closed with an error", e);
            }
        }
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
            if (SpecialUse.fromAttributes(f.getFullName(), attributes(f)) == use) {
                return f;
            }
        }
        return null;
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

    /** A session of our own per call, with the configured servers and timeouts, but no shared authenticator. */
    public Session userSession() {
        Properties props = new Properties();
        props.putAll(configured.getProperties());
        for (String protocol : new String[] {"imap", "smtp"}) {
            props.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MS));
            props.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MS * 4));
            props.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MS * 4));
        }
        props.put("mail.smtp.auth", "true");
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

package fr.preau.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * A plain IMAP client (Jakarta Mail, none of Préau's code) for tests: what Thunderbird would see.
 * Logs in either with an account password, or as Dovecot's master user to prepare or inspect a mailbox.
 */
public final class ImapProbe implements AutoCloseable {
    private final Store store;

    private ImapProbe(Store store) {
        this.store = store;
    }

    /** Logs in as {@code user} with {@code password}, as any IMAP client would. */
    public static ImapProbe login(String user, String password) throws MessagingException {
        return loginFrom(null, user, password);
    }

    /**
     * Logs in from another local address (127.0.0.2: a mail client that is not the portal, whose address Dovecot
     * trusts), or from the default one when {@code localAddress} is null.
     */
    public static ImapProbe loginFrom(String localAddress, String user, String password) throws MessagingException {
        Properties props = new Properties();
        if (localAddress != null) {
            // Not the portal's address: Dovecot wants TLS before a password (the local stack's certificate is
            // self-signed).
            props.put("mail.imap.localaddress", localAddress);
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
            props.put("mail.imap.ssl.trust", "*");
        }
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "30000");
        // A probe reports the server's state now: no STATUS answer kept for a second (Angus' default).
        props.put("mail.imap.statuscachetimeout", "0");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", TestEnv.port("PREAU_IMAP_PORT"), user, password);
        return new ImapProbe(store);
    }

    /**
     * A mail client's loopback address (127.x.y.z, never the portal's 127.0.0.1), new at each call: Dovecot penalises
     * an address after a failed login, so a test that sprays wrong passwords, as many machines would, takes a new one
     * for each attempt.
     */
    public static String anotherClientAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "127." + random.nextInt(10, 250) + "." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
    }

    /** Logs in to {@code address}'s mailbox through the master user. */
    public static ImapProbe asMaster(String address) throws MessagingException {
        return login(address + "*" + TestEnv.get("PREAU_MASTER_USER"), TestEnv.get("PREAU_MASTER_PASSWORD"));
    }

    public Store store() {
        return store;
    }

    /** Deletes every message of the folder (if it exists). */
    public void empty(String folderName) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        if (!folder.exists()) {
            return;
        }
        folder.open(Folder.READ_WRITE);
        try {
            Message[] all = folder.getMessages();
            if (all.length > 0) {
                folder.setFlags(all, new Flags(Flags.Flag.DELETED), true);
            }
        } finally {
            folder.close(true);
        }
    }

    /** Appends a short plain-text message (UTF-8) from {@code from} with this subject. */
    public void appendText(String folderName, String from, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new jakarta.mail.internet.InternetAddress(from));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        append(folderName, m);
    }

    public void append(String folderName, MimeMessage... messages) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.appendMessages(messages);
    }

    /** Subjects of the folder, oldest first. */
    public List<String> subjects(String folderName) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            List<String> result = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                result.add(m.getSubject());
            }
            return result;
        } finally {
            folder.close(false);
        }
    }

    /** Waits until a message with this subject is in the folder; returns how many there are. */
    public long awaitSubject(String folderName, String subject, Duration timeout)
            throws MessagingException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long count = subjects(folderName).stream().filter(subject::equals).count();
            if (count > 0 || System.nanoTime() > deadline) {
                return count;
            }
            Thread.sleep(200);
        }
    }

    /**
     * The plain text of the newest message with this subject in the folder, line ends as {@code \n} (a 7bit text
     * part comes back with CRLF); fails when there is none.
     */
    public String text(String folderName, String subject) throws MessagingException, java.io.IOException {
        Object content = newest(folderName, subject, m -> {
            try {
                return m.getContent();
            } catch (java.io.IOException e) {
                return e;
            }
        });
        if (content instanceof java.io.IOException e) {
            throw e;
        }
        return String.valueOf(content).replace("\r\n", "\n");
    }

    /** The header {@code name} of the newest message with this subject in the folder; fails when there is none. */
    public String header(String folderName, String subject, String name) throws MessagingException {
        return newest(folderName, subject, m -> {
            String[] values = m.getHeader(name);
            return values == null ? null : String.join(", ", values);
        });
    }

    private interface MessageReader<T> {
        T read(Message m) throws MessagingException;
    }

    private <T> T newest(String folderName, String subject, MessageReader<T> reader) throws MessagingException {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            Message[] all = folder.getMessages();
            for (int i = all.length - 1; i >= 0; i--) {
                if (subject.equals(all[i].getSubject())) {
                    return reader.read(all[i]);
                }
            }
            throw new AssertionError("no message \"" + subject + "\" in " + folderName);
        } finally {
            folder.close(false);
        }
    }

    /**
     * Whether the server closed this session within {@code timeout}: a NOOP is sent every 100 ms (Angus' isConnected)
     * until the connection is found closed. A session that the server keeps answers every NOOP until the timeout.
     */
    public boolean awaitClosedByServer(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.isConnected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}

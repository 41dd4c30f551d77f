package fr.preau.mail.imap;

import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageContent;
import fr.preau.mail.MessagePage;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.SpecialUse;
import fr.preau.shared.Component;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * IMAP and SMTP as the user. The server addresses and the master user's credentials come from the WildFly mail
 * session {@code java:jboss/mail/preau} (see wildfly-config/src/main/cli/02-mail.cli). A connection lives for one
 * call: opened, used, closed, so a restarted server is simply reached again at the next call.
 */
@ApplicationScoped
public class MailGateway {
    private static final Logger LOG = Logger.getLogger(MailGateway.class.getName());
    private static final String MASTER_SEPARATOR = "*";
    private static final int TIMEOUT_MS = 15_000;

    @Resource(lookup = "java:jboss/mail/preau")
    private Session configured;

    /** The folders of the mailbox, special-use folders first. */
    public List<FolderInfo> folders(MailboxContext ctx) {
        try (Store store = connect(ctx)) {
            Folder root = store.getDefaultFolder();
            char separator = root.getSeparator();
            List<FolderInfo> result = new ArrayList<>();
            for (Folder f : root.list("*")) {
                String[] attributes = attributes(f);
                boolean selectable = (f.getType() & Folder.HOLDS_MESSAGES) != 0;
                SpecialUse use = SpecialUse.fromAttributes(f.getFullName(), attributes);
                int[] counts = selectable ? counts(f) : new int[2];
                int unread = counts[1];
                int total = counts[0];
                FolderPath path = new FolderPath(f.getFullName());
                int depth = (int) f.getFullName().chars().filter(c -> c == separator).count();
                result.add(new FolderInfo(path, path.leaf(separator), use, unread, total, depth, selectable));
            }
            result.sort(Comparator.comparing((FolderInfo f) -> f.use().order())
                    .thenComparing(f -> f.path().name(), String.CASE_INSENSITIVE_ORDER));
            return result;
        } catch (MessagingException e) {
            throw storeFailure(e);
        }
    }

    /** A page of the folder, newest first: fetches only that page's envelopes. */
    public MessagePage page(MailboxContext ctx, FolderPath path, int offset, int limit) {
        try (Store store = connect(ctx); OpenFolder open = openFolder(store, path, Folder.READ_ONLY)) {
            Folder folder = open.folder();
            int total = folder.getMessageCount();
            int end = total - offset;
            if (end < 1) {
                return new MessagePage(total, List.of());
            }
            int start = Math.max(1, end - limit + 1);
            Message[] messages = folder.getMessages(start, end);
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(messages, profile);
            long validity = ((UIDFolder) folder).getUIDValidity();
            List<MessageSummary> rows = new ArrayList<>(messages.length);
            for (int i = messages.length - 1; i >= 0; i--) {
                rows.add(summary(folder, validity, messages[i]));
            }
            return new MessagePage(total, rows);
        } catch (MessagingException e) {
            throw storeFailure(e);
        }
    }

    /** Opens a message for reading; fetching its body marks it read, as in any IMAP client. */
    public MessageContent open(MailboxContext ctx, FolderPath path, MessageUid uid) {
        try (Store store = connect(ctx); OpenFolder open = openFolder(store, path, Folder.READ_WRITE)) {
            Folder folder = open.folder();
            UIDFolder uidFolder = (UIDFolder) folder;
            Message message = uidFolder.getUIDValidity() == uid.uidValidity()
                    ? uidFolder.getMessageByUID(uid.uid()) : null;
            if (message == null || message.isExpunged()) {
                throw new NotFoundException("mail.error.messageGone", path.name() + "/" + uid);
            }
            MessageText text = MessageText.of(message);
            message.setFlag(Flags.Flag.SEEN, true);
            MessageSummary summary = summary(folder, uid.uidValidity(), message);
            return new MessageContent(summary, addresses(message, Message.RecipientType.TO),
                    addresses(message, Message.RecipientType.CC), text.text(), text.attachmentNames(),
                    text.problem());
        } catch (MessagingException e) {
            throw storeFailure(e);
        }
    }

    /**
     * Sends through submission as the user, then appends the sent message to the Sent folder. When the copy cannot
     * be kept, the message is still sent once: the failure is logged, not retried.
     */
    public void send(MailboxContext ctx, OutgoingMessage outgoing) {
        Session session = userSession();
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(internet(ctx.owner()));
            if (!ctx.owner().equals(ctx.actor())) {
                message.setSender(internet(ctx.actor()));
            }
            message.setRecipients(Message.RecipientType.TO, internet(outgoing.to()));
            if (!outgoing.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, internet(outgoing.cc()));
            }
            message.setSubject(outgoing.subject(), "UTF-8");
            message.setText(outgoing.text(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("User-Agent", "Préau");
            message.saveChanges();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the message", e);
        }
        PasswordAuthentication master = masterCredentials("smtp");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(session.getProperty("mail.smtp.host"), port(session, "smtp"),
                    ctx.actor().address() + MASTER_SEPARATOR + master.getUserName(), master.getPassword());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            throw rejected(e);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "SMTP submission failed for " + ctx.actor().address(), e);
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, e);
        }
        keepSentCopy(ctx, message);
    }

    private void keepSentCopy(MailboxContext ctx, MimeMessage message) {
        try (Store store = connect(ctx)) {
            Folder sent = findSpecial(store, SpecialUse.SENT);
            if (sent == null) {
                LOG.warning("No \\Sent folder for " + ctx.owner().address() + ": no copy kept");
                return;
            }
            message.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Message sent but no copy kept in Sent for " + ctx.owner().address(), e);
        }
    }

    private static Folder findSpecial(Store store, SpecialUse use) throws MessagingException {
        for (Folder f : store.getDefaultFolder().list("*")) {
            if (SpecialUse.fromAttributes(f.getFullName(), attributes(f)) == use) {
                return f;
            }
        }
        return null;
    }

    /** Total and unread counts in one STATUS round trip. */
    private static int[] counts(Folder f) throws MessagingException {
        if (f instanceof IMAPFolder imap) {
            Status status = (Status) imap.doCommand(protocol -> protocol.status(imap.getFullName(),
                    new String[] {"MESSAGES", "UNSEEN"}));
            return new int[] {status.total, status.unseen};
        }
        return new int[] {f.getMessageCount(), f.getUnreadMessageCount()};
    }

    private static String[] attributes(Folder f) throws MessagingException {
        if (f instanceof IMAPFolder imap) {
            return imap.getAttributes();
        }
        return new String[0];
    }

    private Store connect(MailboxContext ctx) {
        Session session = userSession();
        PasswordAuthentication master = masterCredentials("imap");
        try {
            Store store = session.getStore("imap");
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

    private static OpenFolder openFolder(Store store, FolderPath path, int mode) throws MessagingException {
        Folder folder = store.getFolder(path.name());
        try {
            folder.open(mode);
        } catch (FolderNotFoundException e) {
            throw new NotFoundException("mail.error.folderGone", path.name());
        }
        return new OpenFolder(folder);
    }

    /**
     * An open folder that closes WITHOUT expunging: {@code Folder.close()} would expunge, and so delete for good the
     * messages another client (Thunderbird) only marked as deleted.
     */
    private record OpenFolder(Folder folder) implements AutoCloseable {
        @Override
        public void close() throws MessagingException {
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
    }

    /** A session of our own per call, with the configured servers and timeouts, but no shared authenticator. */
    private Session userSession() {
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

    private static MessageSummary summary(Folder folder, long validity, Message m) throws MessagingException {
        long uid = ((UIDFolder) folder).getUID(m);
        Flags flags = m.getFlags();
        Date date = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
        return new MessageSummary(new MessageUid(validity, uid), first(safeFrom(m)), safeSubject(m),
                date == null ? null : date.toInstant(), Math.max(0, m.getSize()),
                flags.contains(Flags.Flag.SEEN), flags.contains(Flags.Flag.FLAGGED),
                flags.contains(Flags.Flag.ANSWERED));
    }

    private static Address[] safeFrom(Message m) {
        try {
            return m.getFrom();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String safeSubject(Message m) {
        try {
            String subject = m.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            return "";
        }
    }

    private static MailAddress first(Address[] addresses) {
        List<MailAddress> list = convert(addresses);
        return list.isEmpty() ? null : list.get(0);
    }

    private static List<MailAddress> addresses(Message m, Message.RecipientType type) {
        try {
            return convert(m.getRecipients(type));
        } catch (MessagingException e) {
            return List.of();
        }
    }

    static List<MailAddress> convert(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        for (Address a : addresses) {
            if (a instanceof InternetAddress ia && MailAddress.isValid(ia.getAddress())) {
                result.add(new MailAddress(ia.getAddress(), ia.getPersonal()));
            }
        }
        return result;
    }

    private static InternetAddress internet(MailAddress a) throws UnsupportedEncodingException {
        return new InternetAddress(a.address(), a.personal(), "UTF-8");
    }

    private static InternetAddress[] internet(List<MailAddress> list) throws UnsupportedEncodingException {
        InternetAddress[] result = new InternetAddress[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = internet(list.get(i));
        }
        return result;
    }

    private static RuntimeException rejected(SendFailedException e) {
        Address[] invalid = e.getInvalidAddresses();
        if (invalid != null && invalid.length > 0) {
            String names = String.join(", ", Arrays.stream(invalid).map(Address::toString).toList());
            return new InvalidInputException("to", "compose.error.rejected", names);
        }
        LOG.log(Level.WARNING, "SMTP refused the message", e);
        return new InvalidInputException("to", "compose.error.refused", e.getMessage());
    }

    private static ServiceUnavailableException storeFailure(MessagingException e) {
        LOG.log(Level.WARNING, "IMAP failure", e);
        return new ServiceUnavailableException(Component.MAIL_STORE, e);
    }
}

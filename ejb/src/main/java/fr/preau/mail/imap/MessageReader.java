package fr.preau.mail.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import fr.preau.mail.Attachment;
import fr.preau.mail.FolderPath;
import fr.preau.mail.HeaderText;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OpenedMessage;
import fr.preau.mail.ParsedMessage;
import fr.preau.mail.PartSink;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import fr.preau.shared.Component;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

/**
 * Reading messages over IMAP as the mailbox owner: the message opened in the reading pane, then the separate HTTP
 * requests of the same message (the sanitised body in its frame, inline images, attachments, headers, print view).
 * Each call uses its own connection ({@link ImapConnector}); what was decoded when the message was opened is kept
 * briefly in a {@link ReadCache} keyed by mailbox owner, folder and UID, so the frame that follows needs no second
 * IMAP round trip. A UID names the same content for as long as the folder's UIDVALIDITY, so the cache cannot serve
 * stale content; it never serves one mailbox's message to another, since the owner is part of the key.
 */
@ApplicationScoped
public class MessageReader {
    private static final int BUFFER = 64 * 1024;

    /**
     * The door a message came in by, from the first {@value #ENTRY_HEADER} header (only the first one is Postfix's).
     */
    static OpenedMessage.Entry entry(Message message) throws MessagingException {
        String[] values = message.getHeader(ENTRY_HEADER);
        String first = values == null || values.length == 0 ? "" : values[0].strip();
        return switch (first.toLowerCase(java.util.Locale.ROOT)) {
            case "smtp" -> OpenedMessage.Entry.SMTP;
            case "submission" -> OpenedMessage.Entry.SUBMISSION;
            default -> values == null || values.length == 0 ? OpenedMessage.Entry.UNKNOWN : OpenedMessage.Entry.SMTP;
        };
    }

    /** The header Postfix adds at reception (main.cf, docs/adr/0076). */
    public static final String ENTRY_HEADER = "X-Preau-Entree";

    private final ReadCache<OpenedMessage> cache = new ReadCache<>(400, 64L * 1024 * 1024, Duration.ofMinutes(10),
            o -> o.parsed().weight());

    @Inject
    private ImapConnector imap;

    /**
     * Opens a message.
     *
     * @param markRead set \Seen, as any IMAP client does when the user opens a message
     */
    public OpenedMessage open(MailboxContext ctx, FolderPath path, MessageUid uid, boolean markRead) {
        if (!markRead) {
            OpenedMessage cached = cache.get(key(ctx, path, uid));
            if (cached != null) {
                return cached;
            }
        }
        try (Store store = imap.connect(ctx)) {
            return open(store, ctx, path, uid, markRead);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** {@link #open} over a connection the caller already has (the mail page's, ADR 0021). */
    public OpenedMessage open(Store store, MailboxContext ctx, FolderPath path, MessageUid uid, boolean markRead)
            throws MessagingException {
        int mode = markRead ? Folder.READ_WRITE : Folder.READ_ONLY;
        try (OpenFolder open = ImapConnector.open(store, path, mode)) {
            Folder folder = open.folder();
            Message message = find(folder, path, uid);
            // A message is parsed once while it is cached: opening it again (marked read, from the list) reuses the
            // result, so a crafted message costs its parse once, not at every click.
            OpenedMessage known = cache.get(key(ctx, path, uid));
            ParsedMessage parsed = known != null ? known.parsed() : MessageParser.parse(message);
            if (markRead) {
                message.setFlag(Flags.Flag.SEEN, true);
            }
            OpenedMessage opened = new OpenedMessage(MailGateway.summary(folder, uid.uidValidity(), message),
                    MailGateway.addresses(message, Message.RecipientType.TO),
                    MailGateway.addresses(message, Message.RecipientType.CC), parsed,
                    ReceiptGateway.requester(ctx, message).orElse(null), entry(message));
            cache.put(key(ctx, path, uid), opened);
            return opened;
        }
    }

    /** Every header line of the message as received (folded lines kept, raw 8-bit read as written), in order. */
    public List<String> headers(MailboxContext ctx, FolderPath path, MessageUid uid) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            Message message = find(open.folder(), path, uid);
            List<String> lines = new ArrayList<>();
            if (message instanceof jakarta.mail.internet.MimeMessage mime) {
                Enumeration<String> e = mime.getAllHeaderLines();
                while (e.hasMoreElements()) {
                    lines.add(HeaderText.of(e.nextElement()));
                }
            }
            return lines;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * Copies the decoded content of one listed part (attachment or inline image) to the sink.
     *
     * @throws NotFoundException {@code mail.error.partGone} when the message has no such part
     */
    public void download(MailboxContext ctx, FolderPath path, MessageUid uid, String partPath, PartSink sink) {
        Attachment listed = open(ctx, path, uid, false).parsed().attachment(partPath);
        if (listed == null) {
            throw new NotFoundException("mail.error.partGone", partPath);
        }
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            Message message = find(open.folder(), path, uid);
            Part part = MessageParser.find(message, partPath);
            if (part == null) {
                throw new NotFoundException("mail.error.partGone", partPath);
            }
            OutputStream out = sink.start(listed);
            try (InputStream in = MessageParser.decoded(part)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            }
            out.flush();
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        } catch (IOException e) {
            // The browser went away, or the part is damaged beyond what was already sent: nothing more to do.
            throw new ServiceUnavailableException(Component.MAIL_STORE, e);
        }
    }

    private static Message find(Folder folder, FolderPath path, MessageUid uid) throws MessagingException {
        UIDFolder uidFolder = (UIDFolder) folder;
        Message message = uidFolder.getUIDValidity() == uid.uidValidity()
                ? uidFolder.getMessageByUID(uid.uid()) : null;
        if (message == null || message.isExpunged()) {
            throw new NotFoundException("mail.error.messageGone", path.name() + "/" + uid);
        }
        return message;
    }

    private static String key(MailboxContext ctx, FolderPath path, MessageUid uid) {
        return ctx.owner().address() + '\u0000' + path.name() + '\u0000' + uid;
    }
}

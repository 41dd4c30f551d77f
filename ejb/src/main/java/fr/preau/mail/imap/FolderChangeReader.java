package fr.preau.mail.imap;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderMark;
import fr.preau.mail.FolderPath;
import fr.preau.mail.HeaderText;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxChanges;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageText;
import fr.preau.mail.ParsedMessage;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Tells a feature what changed in a mailbox since it last looked ({@link fr.preau.mail.Mailbox#catchUp}; the search
 * index, ADR 0030). One LIST-STATUS (every folder in one round trip) tells what changed: a new UIDVALIDITY starts the
 * folder again, UIDs at or above the UIDNEXT seen are fetched in batches (headers, structure and the first
 * {@value #TEXT_BYTES} bytes), and when the folder holds fewer messages than were seen, the UIDs it still holds are
 * given. A folder that no longer exists is said gone. So mail delivered, moved or deleted by any IMAP client is
 * reflected at the next call, at the cost of one LIST-STATUS when nothing changed.
 */
@ApplicationScoped
public class FolderChangeReader {
    private static final Logger LOG = Logger.getLogger(FolderChangeReader.class.getName());
    private static final int BATCH_UIDS = 250;
    private static final int TEXT_BYTES = 256 * 1024;

    @Inject
    private ImapConnector imap;

    /** {@link fr.preau.mail.Mailbox#catchUp}. */
    public List<FolderInfo> catchUp(MailboxContext ctx, MailboxChanges changes) {
        Session parsing = imap.userSession();
        try (Store store = imap.connect(ctx)) {
            Map<String, FolderMark> known = changes.marks();
            Set<String> present = new HashSet<>();
            List<ImapCommands.ListedFolder> listed = ImapCommands.listStatus(store, "MESSAGES", "UNSEEN", "UIDNEXT",
                    "UIDVALIDITY");
            for (ImapCommands.ListedFolder f : selectable(listed)) {
                present.add(f.name());
                syncFolder(store, f.name(), f.status(), changes, known.get(f.name()), parsing);
            }
            for (String gone : known.keySet()) {
                if (!present.contains(gone)) {
                    changes.gone(gone);
                }
            }
            return MailGateway.folders(listed);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** The selectable folders ({@link ImapCommands#listStatus} already leaves out those other users share). */
    private static List<ImapCommands.ListedFolder> selectable(List<ImapCommands.ListedFolder> listed) {
        return listed.stream().filter(ImapCommands.ListedFolder::selectable).toList();
    }

    private int syncFolder(Store store, String name, Status status, MailboxChanges changes, FolderMark known,
            Session parsing) throws MessagingException {
        FolderMark state = known;
        if (state == null || state.uidValidity() != status.uidvalidity) {
            changes.reset(name, status.uidvalidity);
            state = new FolderMark(status.uidvalidity, 1, 0);
        }
        boolean newMail = status.uidnext > state.uidNext();
        if (!newMail && state.count() == status.total) {
            return 0;
        }
        int added = 0;
        try (OpenFolder open = ImapConnector.open(store, new FolderPath(name), Folder.READ_ONLY)) {
            IMAPFolder opened = (IMAPFolder) open.folder();
            if (opened.getUIDValidity() != status.uidvalidity) {
                // Re-created between STATUS and SELECT: the next search starts it again.
                return 0;
            }
            if (newMail) {
                for (long first = state.uidNext(); first < status.uidnext; first += BATCH_UIDS) {
                    long last = Math.min(status.uidnext - 1, first + BATCH_UIDS - 1);
                    List<MessageText> batch = fetch(opened, name, first, last, parsing);
                    changes.added(name, status.uidvalidity, batch, last + 1);
                    added += batch.size();
                }
            }
            if (state.count() + added != status.total) {
                changes.retainOnly(name, uids(opened));
            }
        }
        return added;
    }

    private static long[] uids(IMAPFolder folder) throws MessagingException {
        Message[] all = folder.getMessages();
        jakarta.mail.FetchProfile profile = new jakarta.mail.FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(all, profile);
        long[] result = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            result[i] = folder.getUID(all[i]);
        }
        return result;
    }

    private static List<MessageText> fetch(IMAPFolder folder, String name, long first, long last, Session parsing)
            throws MessagingException {
        Response[] responses = (Response[]) folder.doCommand(p -> {
            Response[] r = p.command("UID FETCH " + first + ":" + last
                    + " (UID RFC822.SIZE INTERNALDATE BODYSTRUCTURE BODY.PEEK[]<0." + TEXT_BYTES + ">)", null);
            p.handleResult(r[r.length - 1]);
            return r;
        });
        List<MessageText> result = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof FetchResponse f) {
                UID uid = f.getItem(UID.class);
                // UID FETCH n:m answers with the last message even when its UID is below n.
                if (uid != null && uid.uid >= first && uid.uid <= last) {
                    result.add(text(f, name, uid.uid, parsing));
                }
            }
        }
        return result;
    }

    private static MessageText text(FetchResponse f, String folder, long uid, Session parsing) {
        RFC822SIZE size = f.getItem(RFC822SIZE.class);
        INTERNALDATE internal = f.getItem(INTERNALDATE.class);
        BODYSTRUCTURE structure = f.getItem(BODYSTRUCTURE.class);
        BODY body = f.getItem(BODY.class);
        Set<String> attachments = new LinkedHashSet<>();
        if (structure != null) {
            attachmentNames(structure, attachments, 0);
        }
        String from = "";
        String fromLabel = "";
        String recipients = "";
        String subject = "";
        String text = "";
        Instant date = internal == null || internal.getDate() == null ? null : internal.getDate().toInstant();
        if (body != null) {
            try (InputStream in = body.getByteArrayInputStream()) {
                MimeMessage mime = new MimeMessage(parsing, in);
                List<MailAddress> senders = MailGateway.convert(safe(mime::getFrom));
                from = addresses(senders);
                fromLabel = senders.isEmpty() ? "" : senders.get(0).label();
                List<MailAddress> to = new ArrayList<>(MailGateway.convert(safe(
                        () -> mime.getRecipients(Message.RecipientType.TO))));
                to.addAll(MailGateway.convert(safe(() -> mime.getRecipients(Message.RecipientType.CC))));
                to.addAll(MailGateway.convert(safe(() -> mime.getRecipients(Message.RecipientType.BCC))));
                recipients = addresses(to);
                String s = HeaderText.of(safeText(mime::getSubject));
                subject = s == null ? "" : s;
                Date sent = safeDate(mime);
                if (sent != null) {
                    date = sent.toInstant();
                }
                ParsedMessage content = MessageParser.parse(mime);
                text = content.text();
                content.attachments().stream().filter(a -> !a.inline()).forEach(a -> attachments.add(a.name()));
            } catch (java.io.IOException | MessagingException | RuntimeException e) {
                LOG.fine("Message " + folder + "/" + uid + " only partly indexed: " + e);
            }
        }
        return new MessageText(uid, date, size == null ? 0 : size.size, fromLabel, from, recipients, subject, text,
                List.copyOf(attachments));
    }

    private static void attachmentNames(BODYSTRUCTURE part, Set<String> names, int depth) {
        if (depth > 20) {
            return;
        }
        if (part.isMulti() && part.bodies != null) {
            for (BODYSTRUCTURE child : part.bodies) {
                attachmentNames(child, names, depth + 1);
            }
            return;
        }
        String name = parameter(part.dParams, "filename");
        if (name == null) {
            name = parameter(part.cParams, "name");
        }
        if (name != null && !name.isBlank()) {
            try {
                names.add(HeaderText.of(MimeUtility.decodeText(name)));
            } catch (java.io.UnsupportedEncodingException e) {
                names.add(HeaderText.of(name));
            }
        }
    }

    private static String parameter(ParameterList list, String name) {
        return list == null ? null : list.get(name);
    }

    private static String addresses(List<MailAddress> list) {
        StringBuilder b = new StringBuilder();
        for (MailAddress a : list) {
            b.append(a.personal() == null ? "" : a.personal()).append(' ').append(a.address()).append(' ');
        }
        return b.toString();
    }

    private interface Getter<T> {
        T get() throws MessagingException;
    }

    private static jakarta.mail.Address[] safe(Getter<jakarta.mail.Address[]> getter) {
        try {
            return getter.get();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String safeText(Getter<String> getter) {
        try {
            return getter.get();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Date safeDate(MimeMessage m) {
        try {
            return m.getSentDate();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}

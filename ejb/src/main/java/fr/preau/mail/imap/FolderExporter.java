package fr.preau.mail.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageStream;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * Streams a folder's messages as stored (for export). The UIDs and sizes come first (one FETCH), then the
 * messages in batches of at most {@value #BATCH_MESSAGES} messages or {@value #BATCH_BYTES} bytes (UID FETCH
 * BODY.PEEK[], so exporting marks nothing read), each written out before the next is fetched.
 */
@ApplicationScoped
public class FolderExporter {
    private static final int BATCH_MESSAGES = 200;
    private static final long BATCH_BYTES = 8L * 1024 * 1024;

    @Inject
    private ImapConnector imap;

    public int count(MailboxContext ctx, FolderPath path) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            return open.folder().getMessageCount();
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** {@link fr.preau.mail.Mailbox#stream}. */
    public int stream(MailboxContext ctx, FolderPath path, MessageStream sink) throws IOException {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            Message[] all = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(all, profile);
            sink.begin(all.length);
            int done = 0;
            List<Long> batch = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < all.length; i++) {
                batch.add(folder.getUID(all[i]));
                bytes += Math.max(0, all[i].getSize());
                if (batch.size() >= BATCH_MESSAGES || bytes >= BATCH_BYTES || i == all.length - 1) {
                    done += writeBatch(folder, batch, sink);
                    sink.progress(done);
                    batch.clear();
                    bytes = 0;
                }
            }
            return done;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static int writeBatch(IMAPFolder folder, List<Long> uids, MessageStream sink)
            throws MessagingException, IOException {
        long[] array = uids.stream().mapToLong(Long::longValue).toArray();
        String set = UIDSet.toString(UIDSet.createUIDSets(array));
        Response[] responses = (Response[]) folder.doCommand(p -> {
            Response[] r = p.command("UID FETCH " + set + " (UID INTERNALDATE BODY.PEEK[])", null);
            p.handleResult(r[r.length - 1]);
            return r;
        });
        int written = 0;
        for (int i = 0; i < responses.length; i++) {
            if (responses[i] instanceof FetchResponse f && f.getItem(BODY.class) != null) {
                UID uid = f.getItem(UID.class);
                INTERNALDATE date = f.getItem(INTERNALDATE.class);
                BODY body = f.getItem(BODY.class);
                sink.message(uid == null ? 0 : uid.uid, date == null ? null : date.getDate().toInstant(),
                        body.getByteArray().getBytes(), body.getByteArray().getStart(),
                        body.getByteArray().getCount());
                // Let the batch's bytes go as soon as they are written.
                responses[i] = null;
                written++;
            }
        }
        return written;
    }
}

package fr.preau.mail.imap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.export.ExportFormat;
import fr.preau.mail.export.ExportListener;
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
 * Streams a folder as mbox (mboxrd) or as a zip of .eml files. The UIDs and sizes come first (one FETCH), then the
 * messages in batches of at most {@value #BATCH_MESSAGES} messages or {@value #BATCH_BYTES} bytes (UID FETCH
 * BODY.PEEK[], so exporting marks nothing read), each written out before the next is fetched.
 */
@ApplicationScoped
public class FolderExporter {
    private static final int BATCH_MESSAGES = 200;
    private static final long BATCH_BYTES = 8L * 1024 * 1024;
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Inject
    private ImapConnector imap;

    public int count(MailboxContext ctx, FolderPath path) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            return open.folder().getMessageCount();
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    public int export(MailboxContext ctx, FolderPath path, ExportFormat format, OutputStream out,
            Runnable beforeFirstByte, ExportListener listener) throws IOException {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            Message[] all = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(all, profile);
            beforeFirstByte.run();
            Writer writer = format == ExportFormat.MBOX ? new MboxWriter(out) : new ZipWriter(out);
            int done = 0;
            listener.progress(0, all.length);
            List<Long> batch = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < all.length; i++) {
                batch.add(folder.getUID(all[i]));
                bytes += Math.max(0, all[i].getSize());
                if (batch.size() >= BATCH_MESSAGES || bytes >= BATCH_BYTES || i == all.length - 1) {
                    done += writeBatch(folder, batch, writer);
                    listener.progress(done, all.length);
                    batch.clear();
                    bytes = 0;
                }
            }
            writer.finish();
            return done;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static int writeBatch(IMAPFolder folder, List<Long> uids, Writer writer)
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
                writer.write(uid == null ? 0 : uid.uid, date == null ? null : date.getDate(),
                        body.getByteArray().getBytes(), body.getByteArray().getStart(),
                        body.getByteArray().getCount());
                // Let the batch's bytes go as soon as they are written.
                responses[i] = null;
                written++;
            }
        }
        return written;
    }

    private interface Writer {
        void write(long uid, Date internalDate, byte[] bytes, int start, int count) throws IOException;

        void finish() throws IOException;
    }

    /** mboxrd: CRLF becomes LF, a line matching {@code >*From } gets one more '>', a blank line ends a message. */
    static final class MboxWriter implements Writer {
        private final OutputStream out;

        MboxWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(long uid, Date internalDate, byte[] b, int start, int count) throws IOException {
            String date = ASCTIME.format((internalDate == null ? new Date() : internalDate).toInstant());
            out.write(("From MAILER-DAEMON " + date + "\n").getBytes(StandardCharsets.US_ASCII));
            int end = start + count;
            int line = start;
            while (line < end) {
                int nl = line;
                while (nl < end && b[nl] != '\n') {
                    nl++;
                }
                int contentEnd = nl > line && b[nl - 1] == '\r' ? nl - 1 : nl;
                if (quoted(b, line, contentEnd)) {
                    out.write('>');
                }
                out.write(b, line, contentEnd - line);
                out.write('\n');
                line = nl + 1;
            }
            out.write('\n');
        }

        /** True when the line is ">*From ". */
        static boolean quoted(byte[] b, int from, int to) {
            int i = from;
            while (i < to && b[i] == '>') {
                i++;
            }
            byte[] marker = {'F', 'r', 'o', 'm', ' '};
            if (to - i < marker.length) {
                return false;
            }
            for (int k = 0; k < marker.length; k++) {
                if (b[i + k] != marker[k]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }
    }

    /** One entry per message, named by its position and UID. */
    static final class ZipWriter implements Writer {
        private final ZipOutputStream zip;
        private int n;

        ZipWriter(OutputStream out) {
            zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        }

        @Override
        public void write(long uid, Date internalDate, byte[] bytes, int start, int count) throws IOException {
            n++;
            ZipEntry entry = new ZipEntry(String.format(Locale.ROOT, "%06d-%d.eml", n, uid));
            if (internalDate != null) {
                entry.setTime(internalDate.getTime());
            }
            zip.putNextEntry(entry);
            zip.write(bytes, start, count);
            zip.closeEntry();
        }

        @Override
        public void finish() throws IOException {
            zip.finish();
            zip.flush();
        }
    }
}

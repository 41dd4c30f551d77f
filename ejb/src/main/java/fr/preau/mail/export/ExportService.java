package fr.preau.mail.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

import fr.preau.mail.FolderPath;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MessageStream;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Exports a folder of the caller's own mailbox (never another's: the mailbox comes from the signed-in user).
 *
 * <p>Failures: {@link fr.preau.shared.NotFoundException} {@code mail.error.folderGone} before anything is written;
 * {@link fr.preau.shared.ServiceUnavailableException} when IMAP fails, possibly after part of the file was written
 * (the caller then aborts the download, so no truncated file looks complete).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportService {
    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    /** How many messages the folder holds (shown before the download). */
    public int count(FolderPath folder) {
        return mailbox.messagesIn(access.own(), folder);
    }

    /**
     * Writes the folder to {@code out}, oldest first, in batches.
     *
     * @param beforeFirstByte called once the folder is known to exist, before anything is written (the servlet sets
     *                        its headers there)
     * @return how many messages were written
     * @throws IOException when {@code out} fails (the browser went away): the export stops there
     */
    public int export(FolderPath folder, ExportFormat format, OutputStream out, Runnable beforeFirstByte,
            ExportListener listener) throws IOException {
        ExportWriters.Writer writer = ExportWriters.of(format, out);
        int[] total = {0};
        int done = mailbox.stream(access.own(), folder, new MessageStream() {
            @Override
            public void begin(int count) {
                total[0] = count;
                beforeFirstByte.run();
                listener.progress(0, count);
            }

            @Override
            public void message(long uid, Instant arrived, byte[] bytes, int start, int count) throws IOException {
                writer.write(uid, arrived, bytes, start, count);
            }

            @Override
            public void progress(int written) {
                listener.progress(written, total[0]);
            }
        });
        writer.finish();
        return done;
    }
}

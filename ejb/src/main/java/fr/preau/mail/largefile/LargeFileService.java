package fr.preau.mail.largefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

import fr.preau.mail.MailboxAccess;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.Component;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The caller's large-file uploads: begin, append chunks (streamed to disk), finish (the link's token is made then,
 * shown once, stored only as its SHA-256), or cancel. Settings: {@code mail.large-file.max-mb} (2048),
 * {@code mail.large-file.expiry} (P30D), {@code mail.large-file.quota-mb} (4096: what one account's files,
 * finished or being uploaded, may occupy together), {@code mail.large-file.max-concurrent} (2: chunks of one
 * account received at the same time).
 *
 * <p>A chunk is copied outside any transaction: however slowly it arrives, it holds no database connection and no
 * lock (docs/adr/0051). A chunk cut off (the client went away, or sent nothing for the HTTP listener's read
 * timeout) drops its whole upload: the file is deleted and no longer counts.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class LargeFileService {
    /** Academy setting: total size of one account's large files, in MB. */
    public static final String QUOTA = "mail.large-file.quota-mb";
    public static final long DEFAULT_QUOTA_MB = 4096;
    /** Academy setting: chunks of one account received at the same time. */
    public static final String MAX_CONCURRENT = "mail.large-file.max-concurrent";
    public static final int DEFAULT_MAX_CONCURRENT = 2;
    private static final Logger LOG = Logger.getLogger(LargeFileService.class.getName());
    private static final int BUFFER = 64 * 1024;
    private static final long MB = 1024 * 1024;

    @EJB
    private MailboxAccess access;

    @EJB
    private AcademySettings settings;

    @EJB
    private LargeFileRecords records;

    @Inject
    private LargeFileStorage storage;

    @Inject
    private LargeFileUploads uploads;

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return settings.longValue("mail.large-file.max-mb", 2048) * MB;
    }

    /** What all the caller's large files may occupy together, in bytes. */
    public long quotaBytes() {
        return Math.max(0, settings.longValue(QUOTA, DEFAULT_QUOTA_MB)) * MB;
    }

    /**
     * Starts an upload of {@code size} bytes; returns its id. The announced size is reserved at once: together with
     * the caller's other files (finished, or being uploaded) it must fit in {@link #quotaBytes()}.
     *
     * @throws InvalidInputException {@code largefile.error.quota} (with the quota in MB) when it would not fit
     */
    public long begin(String fileName, long size, String contentType) {
        long account = accountId();
        String name = cleanName(fileName);
        if (size <= 0) {
            throw new InvalidInputException("largeFile", "largefile.error.empty", name);
        }
        if (size > maxBytes()) {
            throw new InvalidInputException("largeFile", "largefile.error.tooLarge",
                    String.valueOf(maxBytes() / MB));
        }
        // Two uploads begun at the same moment are counted one after the other.
        records.lockAccount(account);
        if (records.used(account) + size > quotaBytes()) {
            throw new InvalidInputException("largeFile", "largefile.error.quota", String.valueOf(quotaBytes() / MB));
        }
        String storageName = UUID.randomUUID().toString().replace("-", "");
        try {
            Files.createFile(storage.file(storageName));
        } catch (IOException e) {
            throw new ServiceUnavailableException(Component.LARGE_FILES, e);
        }
        String type = contentType == null || contentType.isBlank() || contentType.length() > 200
                ? "application/octet-stream" : contentType.replaceAll("[\\r\\n]", "");
        return records.begun(account, name, type, size, storageName);
    }

    /**
     * Appends a chunk read from {@code in} at {@code offset} (the bytes received so far); returns the new total.
     * The stream is copied to disk through a small buffer, whatever its size, with no transaction open.
     *
     * @throws InvalidInputException {@code largefile.error.busy} (with the limit) when the caller already has
     *     {@code mail.large-file.max-concurrent} chunks arriving; {@code largefile.error.interrupted} when the
     *     chunk was cut off (the upload is then dropped)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long append(long id, long offset, InputStream in) {
        long account = accountId();
        LargeFileRecords.Upload upload = records.unfinished(id, account);
        int limit = Math.max(1, settings.integer(MAX_CONCURRENT, DEFAULT_MAX_CONCURRENT));
        try (LargeFileUploads.Slot slot = uploads.enter(account, id, limit)) {
            Path file = storage.file(upload.storageName());
            long current = size(file);
            if (current != offset) {
                throw new InvalidInputException("largeFile", "largefile.error.offset", String.valueOf(current));
            }
            long written;
            try {
                written = copy(in, file, upload.declaredSize() - current);
            } catch (InvalidInputException e) {
                drop(upload);
                throw e;
            } catch (IOException | RuntimeException e) {
                // Undertow reports a body cut off by the listener's read timeout as a NullPointerException from
                // its input stream, not as an IOException: whatever broke the stream, the chunk is lost.
                LOG.warning("Large-file upload " + id + " interrupted, dropped: " + e);
                drop(upload);
                throw new InvalidInputException("largeFile", "largefile.error.interrupted", null);
            }
            if (!records.received(id, offset + written)) {
                throw new NotFoundException("largefile.error.gone", String.valueOf(id));
            }
            return offset + written;
        }
    }

    /** Drops the caller's unfinished upload: its file is deleted and it no longer counts. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void cancel(long id) {
        drop(records.unfinished(id, accountId()));
    }

    private void drop(LargeFileRecords.Upload upload) {
        records.dropped(upload.id());
        try {
            Files.deleteIfExists(storage.file(upload.storageName()));
        } catch (IOException e) {
            LOG.warning("Dropped upload " + upload.id() + ": file left for the nightly purge: " + e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ServiceUnavailableException(Component.LARGE_FILES, e);
        }
    }

    /** Completes the upload once every byte is there; returns the link's token (shown once). */
    public LargeFileLink finish(long id) {
        LargeFileRecords.Upload upload = records.unfinishedLocked(id, accountId());
        long size = size(storage.file(upload.storageName()));
        if (size != upload.declaredSize()) {
            throw new InvalidInputException("largeFile", "largefile.error.incomplete", null);
        }
        String token = LinkToken.create();
        Duration expiry = settings.duration("mail.large-file.expiry", Duration.ofDays(30));
        Instant expires = Instant.now().plus(expiry);
        records.completed(id, LinkToken.hash(token), size, expires);
        return new LargeFileLink(token, upload.fileName(), size, expires);
    }

    private static long copy(InputStream in, Path file, long room) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (written + n > room) {
                    throw new InvalidInputException("largeFile", "largefile.error.tooMuch", null);
                }
                out.write(buffer, 0, n);
                written += n;
            }
        }
        return written;
    }

    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || ".".equals(name) || "..".equals(name)) {
            throw new InvalidInputException("largeFile", "largefile.error.name", null);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private long accountId() {
        return access.own().ownerAccountId();
    }
}

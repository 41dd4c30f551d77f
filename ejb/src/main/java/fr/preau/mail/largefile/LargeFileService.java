package fr.preau.mail.largefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The caller's large-file uploads: begin, append chunks (streamed to disk), finish (the link's token is made then,
 * shown once, stored only as its SHA-256). Settings: {@code mail.large-file.max-mb} (2048),
 * {@code mail.large-file.expiry} (P30D).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class LargeFileService {
    private static final Logger LOG = Logger.getLogger(LargeFileService.class.getName());
    private static final int BUFFER = 64 * 1024;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @EJB
    private MailboxAccess access;

    @EJB
    private AccountService accounts;

    @EJB
    private AcademySettings settings;

    @Inject
    private LargeFileStorage storage;

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return settings.longValue("mail.large-file.max-mb", 2048) * 1024 * 1024;
    }

    /** Starts an upload of {@code size} bytes; returns its id. */
    public long begin(String fileName, long size, String contentType) {
        long account = accountId();
        String name = cleanName(fileName);
        if (size <= 0) {
            throw new InvalidInputException("largeFile", "largefile.error.empty", name);
        }
        if (size > maxBytes()) {
            throw new InvalidInputException("largeFile", "largefile.error.tooLarge",
                    String.valueOf(maxBytes() / (1024 * 1024)));
        }
        String storageName = UUID.randomUUID().toString().replace("-", "");
        try {
            Files.createFile(storage.file(storageName));
        } catch (IOException e) {
            throw new ServiceUnavailableException(Component.LARGE_FILES, e);
        }
        String type = contentType == null || contentType.isBlank() || contentType.length() > 200
                ? "application/octet-stream" : contentType.replaceAll("[\\r\\n]", "");
        // An unfinished upload expires after a day; the nightly job removes it.
        Number id = (Number) em.createNativeQuery("insert into large_file (account_id, file_name, content_type,"
                        + " declared_size, storage_name, expires_at) values (?1, ?2, ?3, ?4, ?5,"
                        + " now() + interval '1 day') returning id")
                .setParameter(1, account).setParameter(2, name).setParameter(3, type).setParameter(4, size)
                .setParameter(5, storageName).getSingleResult();
        return id.longValue();
    }

    /**
     * Appends a chunk read from {@code in} at {@code offset} (the bytes received so far); returns the new total.
     * The stream is copied to disk through a small buffer, whatever its size.
     */
    public long append(long id, long offset, InputStream in) {
        Object[] row = upload(id);
        long declared = ((Number) row[1]).longValue();
        Path file = storage.file((String) row[0]);
        long written;
        try {
            long current = Files.size(file);
            if (current != offset) {
                throw new InvalidInputException("largeFile", "largefile.error.offset", String.valueOf(current));
            }
            written = copy(in, file, declared - current);
        } catch (IOException e) {
            LOG.warning("Large-file upload " + id + " interrupted: " + e);
            throw new InvalidInputException("largeFile", "largefile.error.interrupted", null);
        }
        long total = offset + written;
        em.createNativeQuery("update large_file set size_bytes = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, total).executeUpdate();
        return total;
    }

    /** Completes the upload once every byte is there; returns the link's token (shown once). */
    public LargeFileLink finish(long id) {
        Object[] row = upload(id);
        long declared = ((Number) row[1]).longValue();
        Path file = storage.file((String) row[0]);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ServiceUnavailableException(Component.LARGE_FILES, e);
        }
        if (size != declared) {
            throw new InvalidInputException("largeFile", "largefile.error.incomplete", null);
        }
        String token = LinkToken.create();
        Duration expiry = settings.duration("mail.large-file.expiry", Duration.ofDays(30));
        Instant expires = Instant.now().plus(expiry);
        em.createNativeQuery("update large_file set complete = true, token_hash = ?2, size_bytes = ?3,"
                        + " expires_at = ?4 where id = ?1").setParameter(1, id).setParameter(2, LinkToken.hash(token))
                .setParameter(3, size).setParameter(4, expires.atOffset(ZoneOffset.UTC)).executeUpdate();
        return new LargeFileLink(token, (String) row[2], size, expires);
    }

    /** storage name, declared size, file name of the caller's own unfinished upload. */
    private Object[] upload(long id) {
        var rows = em.createNativeQuery("select storage_name, declared_size, file_name from large_file"
                        + " where id = ?1 and account_id = ?2 and not complete and deleted_at is null for update")
                .setParameter(1, id).setParameter(2, accountId()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("largefile.error.gone", String.valueOf(id));
        }
        return (Object[]) rows.get(0);
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
        String address = access.own().owner().address();
        return accounts.findEnabled(address).map(Account::getId)
                .orElseThrow(() -> new NotFoundException("account.missing", address));
    }
}

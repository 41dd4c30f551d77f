package fr.preau.mail.largefile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The download side of a link, reachable without a portal session: whoever holds the token (256 random bits) may
 * see the file's name, size, sender and expiry, and download it until it expires. Nothing else is reachable: the
 * token is looked up by its SHA-256, never listed.
 */
@Stateless
@PermitAll
@ServiceBoundary
public class LargeFileDownloads {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @Inject
    private LargeFileStorage storage;

    /** The link's file, expired or not; empty when the token is unknown. */
    public Optional<LargeFileInfo> find(String token) {
        if (!LinkToken.wellFormed(token)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select f.file_name, f.size_bytes, f.content_type, a.display_name,"
                        + " a.address, f.expires_at, f.downloads, (f.expires_at <= now() or f.deleted_at is not null)"
                        + " from large_file f join account a on a.id = f.account_id"
                        + " where f.token_hash = ?1 and f.complete")
                .setParameter(1, LinkToken.hash(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new LargeFileInfo((String) r[0], ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], toInstant(r[5]), ((Number) r[6]).intValue(), (Boolean) r[7]));
    }

    /** Counts one download and returns the file to stream; empty when unknown, expired or gone. */
    public Optional<Path> download(String token) {
        if (find(token).map(LargeFileInfo::expired).orElse(true)) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("update large_file set downloads = downloads + 1, last_download = now()"
                        + " where token_hash = ?1 and complete and deleted_at is null and expires_at > now()"
                        + " returning storage_name")
                .setParameter(1, LinkToken.hash(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Path file = storage.file((String) rows.get(0));
        return Files.isReadable(file) ? Optional.of(file) : Optional.empty();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (java.time.Instant) value;
    }
}

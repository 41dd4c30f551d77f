package fr.preau.mail.largefile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.NotFoundException;
import fr.preau.shared.Repository;
import fr.preau.shared.SqlTimes;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of the large files (table {@code large_file}) for {@link LargeFileService}, {@link LargeFileDownloads}
 * and {@link LargeFilePurge}, which check who may act. Called from the uploads' methods that run without a
 * transaction, each read or write is a short transaction of its own, so that a chunk that takes minutes to arrive
 * never holds a database connection or a lock while it is copied; called inside a transaction, it joins it.
 */
@Stateless
@PermitAll
@Repository
public class LargeFileRecords {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The account's unfinished upload; {@code largefile.error.gone} when it is not one. */
    public Upload unfinished(long id, long account) {
        List<?> rows = em.createNativeQuery("select storage_name, declared_size, file_name, size_bytes"
                        + " from large_file where id = ?1 and account_id = ?2 and not complete and deleted_at is null")
                .setParameter(1, id).setParameter(2, account).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("largefile.error.gone", String.valueOf(id));
        }
        Object[] r = (Object[]) rows.get(0);
        return new Upload(id, (String) r[0], ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue());
    }

    /** Records the bytes received so far, unless the upload was dropped or finished meanwhile. */
    public boolean received(long id, long total) {
        return em.createNativeQuery("update large_file set size_bytes = ?2 where id = ?1 and not complete"
                + " and deleted_at is null").setParameter(1, id).setParameter(2, total).executeUpdate() == 1;
    }

    /** Marks an unfinished upload dropped: it no longer counts in its owner's storage. */
    public void dropped(long id) {
        em.createNativeQuery("update large_file set deleted_at = now() where id = ?1 and not complete"
                + " and deleted_at is null").setParameter(1, id).executeUpdate();
    }

    /** Locks the account's row until the transaction ends: two uploads begun at once are counted in turn. */
    public void lockAccount(long account) {
        em.createNativeQuery("select id from account where id = ?1 for update").setParameter(1, account)
                .getResultList();
    }

    /** Bytes the account's files occupy: finished ones by their size, unfinished ones by their announced size. */
    public long used(long account) {
        return ((Number) em.createNativeQuery("select coalesce(sum(case when complete then size_bytes"
                        + " else declared_size end), 0) from large_file where account_id = ?1 and deleted_at is null")
                .setParameter(1, account).getSingleResult()).longValue();
    }

    /** A new unfinished upload, expiring after a day (the nightly job removes it then); returns its id. */
    public long begun(long account, String fileName, String contentType, long declaredSize, String storageName) {
        return ((Number) em.createNativeQuery("insert into large_file (account_id, file_name, content_type,"
                        + " declared_size, storage_name, expires_at) values (?1, ?2, ?3, ?4, ?5,"
                        + " now() + interval '1 day') returning id")
                .setParameter(1, account).setParameter(2, fileName).setParameter(3, contentType)
                .setParameter(4, declaredSize).setParameter(5, storageName).getSingleResult()).longValue();
    }

    /** The account's unfinished upload, locked until the transaction ends; {@code largefile.error.gone} if none. */
    public Upload unfinishedLocked(long id, long account) {
        List<?> rows = em.createNativeQuery("select storage_name, declared_size, file_name, size_bytes"
                        + " from large_file where id = ?1 and account_id = ?2 and not complete and deleted_at is null"
                        + " for update").setParameter(1, id).setParameter(2, account).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("largefile.error.gone", String.valueOf(id));
        }
        Object[] r = (Object[]) rows.get(0);
        return new Upload(id, (String) r[0], ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue());
    }

    /** The upload is complete: its link's token hash, its size and when the link expires. */
    public void completed(long id, String tokenHash, long size, Instant expires) {
        em.createNativeQuery("update large_file set complete = true, token_hash = ?2, size_bytes = ?3,"
                        + " expires_at = ?4 where id = ?1").setParameter(1, id).setParameter(2, tokenHash)
                .setParameter(3, size).setParameter(4, expires.atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** The complete file of a link, expired or not, with its sender. */
    public Optional<LargeFileInfo> byLink(String tokenHash) {
        List<?> rows = em.createNativeQuery("select f.file_name, f.size_bytes, f.content_type, a.display_name,"
                        + " a.address, f.expires_at, f.downloads, (f.expires_at <= now() or f.deleted_at is not null)"
                        + " from large_file f join account a on a.id = f.account_id"
                        + " where f.token_hash = ?1 and f.complete")
                .setParameter(1, tokenHash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new LargeFileInfo((String) r[0], ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], SqlTimes.instant(r[5]), ((Number) r[6]).intValue(),
                (Boolean) r[7]));
    }

    /** Counts a download of a link still valid; returns its storage name, empty when expired or gone. */
    public Optional<String> downloaded(String tokenHash) {
        List<?> rows = em.createNativeQuery("update large_file set downloads = downloads + 1, last_download = now()"
                        + " where token_hash = ?1 and complete and deleted_at is null and expires_at > now()"
                        + " returning storage_name")
                .setParameter(1, tokenHash).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Up to {@code limit} expired files not yet deleted, oldest first, locked (others' skipped). */
    public List<Upload> expiredLocked(int limit) {
        List<?> rows = em.createNativeQuery("select id, storage_name from large_file"
                        + " where deleted_at is null and expires_at <= now() order by expires_at limit ?1"
                        + " for update skip locked")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(r -> new Upload(((Number) r[0]).longValue(), (String) r[1], 0, null, 0)).toList();
    }

    /** The file is deleted from the storage. */
    public void deleted(long id) {
        em.createNativeQuery("update large_file set deleted_at = now() where id = ?1").setParameter(1, id)
                .executeUpdate();
    }


    /** An unfinished upload: where its bytes go, how many were announced and how many arrived. */
    public record Upload(long id, String storageName, long declaredSize, String fileName, long received) {
    }
}

package fr.preau.mail.largefile;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Deletes the files of expired links and of uploads never finished, and marks their rows ({@code deleted_at}); the
 * rows stay, with their download counts. Run by the nightly job purge-large-files (batch module, role {@code batch},
 * docs/adr/0091), a few rows per call so that each transaction stays short.
 */
@Stateless
@RolesAllowed("batch")
public class LargeFilePurge {
    private static final Logger LOG = Logger.getLogger(LargeFilePurge.class.getName());

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @Inject
    private LargeFileStorage storage;

    /**
     * Purges up to {@code limit} expired files in a transaction of its own (JBeret runs a batchlet inside one
     * transaction: without this, a stopped or failed run would have committed nothing); returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeExpired(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, storage_name from large_file"
                        + " where deleted_at is null and expires_at <= now() order by expires_at limit ?1"
                        + " for update skip locked")
                .setParameter(1, limit).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            try {
                Files.deleteIfExists(storage.file((String) row[1]));
            } catch (IOException e) {
                LOG.warning("Expired large file " + id + " could not be deleted: " + e);
                continue;
            }
            em.createNativeQuery("update large_file set deleted_at = now() where id = ?1").setParameter(1, id)
                    .executeUpdate();
        }
        return rows.size();
    }
}

package fr.preau.mail.largefile;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Deletes the files of expired links and of uploads never finished, and marks their rows ({@code deleted_at}); the
 * rows stay, with their download counts. Run by the nightly job purge-large-files (batch module, role {@code batch},
 * docs/adr/0091), a few rows per call so that each transaction stays short.
 */
@Stateless
@RolesAllowed("batch")
public class LargeFilePurge {
    private static final Logger LOG = Logger.getLogger(LargeFilePurge.class.getName());

    @EJB
    private LargeFileRecords records;

    @Inject
    private LargeFileStorage storage;

    /**
     * Purges up to {@code limit} expired files in a transaction of its own (JBeret runs a batchlet inside one
     * transaction: without this, a stopped or failed run would have committed nothing); returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeExpired(int limit) {
        List<LargeFileRecords.Upload> rows = records.expiredLocked(limit);
        for (LargeFileRecords.Upload row : rows) {
            long id = row.id();
            try {
                Files.deleteIfExists(storage.file(row.storageName()));
            } catch (IOException e) {
                LOG.warning("Expired large file " + id + " could not be deleted: " + e);
                continue;
            }
            records.deleted(id);
        }
        return rows.size();
    }
}

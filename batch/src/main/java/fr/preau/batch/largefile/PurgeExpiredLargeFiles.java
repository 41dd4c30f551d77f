package fr.preau.batch.largefile;

import java.util.logging.Logger;

import fr.preau.mail.largefile.LargeFilePurge;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import fr.preau.batch.BatchRole;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step of job purge-large-files: purges expired files in short transactions of {@code batchSize} rows until none
 * is left; stops between two of them when the job is stopped. The step's exit status says how many
 * went ({@code PURGED n}).
 */
@Named("purgeExpiredLargeFiles")
@Dependent
public class PurgeExpiredLargeFiles extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(PurgeExpiredLargeFiles.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private LargeFilePurge purge;

    @Inject
    @BatchProperty
    private String batchSize;

    private volatile boolean stopping;

    @Override
    public String process() {
        int size = batchSize == null || batchSize.isBlank() ? 200 : Integer.parseInt(batchSize.trim());
        int total = 0;
        int purged;
        do {
            purged = batch.call(() -> purge.purgeExpired(size));
            total += purged;
        } while (purged == size && !stopping);
        LOG.info("purge-large-files: " + total + " expired file(s) deleted");
        // The batchlet's answer is the step's exit status, kept in the job repository.
        return stopping ? BatchStatus.STOPPED.name() : "PURGED " + total;
    }

    @Override
    public void stop() {
        stopping = true;
    }
}

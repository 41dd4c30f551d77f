package fr.preau.batch.archive;

import java.io.Serializable;
import java.util.logging.Logger;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Adds up what the partitions did into the step's exit status ({@link ArchiveCounts#exitStatus()}); the totals are
 * the step's persistent user data, so a restarted execution goes on counting from the interrupted one.
 */
@Named
@Dependent
public class ArchiveAnalyzer extends AbstractPartitionAnalyzer {
    private static final Logger LOG = Logger.getLogger(ArchiveAnalyzer.class.getName());

    @Inject
    private StepContext step;

    @Override
    public void analyzeCollectorData(Serializable data) {
        ArchiveCounts total = step.getPersistentUserData() instanceof ArchiveCounts c ? c : ArchiveCounts.none();
        total = total.plus((ArchiveCounts) data);
        step.setPersistentUserData(total);
        step.setExitStatus(total.exitStatus());
    }

    @Override
    public void analyzeStatus(BatchStatus status, String exitStatus) {
        if (step.getPersistentUserData() instanceof ArchiveCounts total) {
            LOG.info("mail-archiving partition ended " + status + ": " + total.exitStatus());
        }
    }
}

package fr.preau.batch;

import java.io.Serializable;
import java.util.logging.Logger;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Adds up what the partitions did ({@link StepCounts}) into the step's exit status; the totals are the step's
 * persistent user data, so a restarted execution goes on counting from the interrupted one.
 */
@Named
@Dependent
public class CountsAnalyzer extends AbstractPartitionAnalyzer {
    private static final Logger LOG = Logger.getLogger(CountsAnalyzer.class.getName());

    @Inject
    private StepContext step;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void analyzeCollectorData(Serializable data) {
        if (!(data instanceof StepCounts counts)) {
            return;
        }
        StepCounts total = step.getPersistentUserData() instanceof StepCounts sofar ? sofar.plus(counts) : counts;
        step.setPersistentUserData(total);
        step.setExitStatus(total.exitStatus());
    }

    @Override
    public void analyzeStatus(BatchStatus status, String exitStatus) {
        if (step.getPersistentUserData() instanceof StepCounts<?> total) {
            LOG.info(step.getStepName() + " partition ended " + status + ": " + total.exitStatus());
        }
    }
}

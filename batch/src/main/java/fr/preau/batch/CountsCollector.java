package fr.preau.batch;

import java.io.Serializable;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Sends what the partition's last chunk did (the {@link StepCounts} its writer left) to the step's analyzer;
 * {@link #NOTHING} when the chunk left none (JBeret refuses null).
 */
@Named
@Dependent
public class CountsCollector implements PartitionCollector {
    /** Sent when there is nothing to add. */
    public static final String NOTHING = "nothing";

    @Inject
    private StepContext step;

    @Override
    public Serializable collectPartitionData() {
        Object counts = step.getTransientUserData();
        step.setTransientUserData(null);
        return counts instanceof StepCounts<?> c ? c : NOTHING;
    }
}

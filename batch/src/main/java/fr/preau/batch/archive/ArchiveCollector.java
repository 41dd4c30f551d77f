package fr.preau.batch.archive;

import java.io.Serializable;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Sends what the partition's last chunk did ({@link ArchiveCounts}, left by the writer) to the step's analyzer. */
@Named
@Dependent
public class ArchiveCollector implements PartitionCollector {
    @Inject
    private StepContext step;

    @Override
    public Serializable collectPartitionData() {
        Object counts = step.getTransientUserData();
        step.setTransientUserData(null);
        return counts instanceof ArchiveCounts c ? c : ArchiveCounts.none();
    }
}

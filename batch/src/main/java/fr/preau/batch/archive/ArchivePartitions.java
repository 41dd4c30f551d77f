package fr.preau.batch.archive;

import java.util.Properties;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Splits the accounts into {@code partitions} groups (account id modulo the count), one thread each. */
@Named
@Dependent
public class ArchivePartitions implements PartitionMapper {
    private static final int MAX = 16;

    @Inject
    @BatchProperty
    private String partitions;

    @Override
    public PartitionPlan mapPartitions() {
        int count = partitions == null || partitions.isBlank() ? 2
                : Math.max(1, Math.min(MAX, Integer.parseInt(partitions.trim())));
        Properties[] each = new Properties[count];
        for (int i = 0; i < count; i++) {
            each[i] = new Properties();
            each[i].setProperty("partition", Integer.toString(i));
            each[i].setProperty("partitions", Integer.toString(count));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionProperties(each);
        return plan;
    }
}

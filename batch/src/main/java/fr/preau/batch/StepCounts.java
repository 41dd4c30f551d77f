package fr.preau.batch;

import java.io.Serializable;

/**
 * What a partition of a chunk step did, added up across partitions by {@link CountsAnalyzer} into the step's exit
 * status. A writer leaves its chunk's counts as the step's transient user data; {@link CountsCollector} sends them.
 *
 * @param <T> the job's own counts
 */
public interface StepCounts<T extends StepCounts<T>> extends Serializable {
    /** The sum of both. */
    T plus(T other);

    /** The step's exit status, kept in the job repository and shown on the jobs page. */
    String exitStatus();
}

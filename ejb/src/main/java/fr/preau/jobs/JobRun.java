package fr.preau.jobs;

import java.io.Serializable;
import java.time.Instant;

/**
 * One execution of a batch job as the jobs page shows it: its status ({@code STARTING}, {@code STARTED},
 * {@code STOPPING}, {@code STOPPED}, {@code FAILED}, {@code COMPLETED}, {@code ABANDONED}), times (null while not
 * reached), the counts of its steps added up, and its exit status. {@code restartable}: failed or stopped, and the
 * latest execution of its instance, so a restart goes on from its checkpoint. {@code exitStatus}: the job's, or
 * when it only repeats the batch status, its steps' ({@code PURGED 12}).
 */
public record JobRun(long execution, String job, String status, Instant start, Instant end, long read, long written,
        long skipped, long errors, String exitStatus, boolean running, boolean restartable) implements Serializable {
}

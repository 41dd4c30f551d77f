package fr.preau.jobs;

import java.util.List;
import java.util.Map;

import fr.preau.shared.InvalidInputException;
import jakarta.ejb.Local;

/**
 * The batch jobs for administrators (role {@code admin}): their last executions from the job repository, and
 * start, stop, restart through Jakarta Batch's {@code JobOperator} (implemented in the batch module, which holds
 * the jobs). Each change is audited.
 */
@Local
public interface JobControl {
    /** Every job of the portal with its hour and its last {@code limit} executions, newest first. */
    List<JobSummary> jobs(int limit);

    /**
     * Starts {@code job} with these parameters; returns the new execution.
     *
     * @throws InvalidInputException for an unknown job (field {@code job}) or a parameter name that is not a word
     *         (field {@code parameters})
     */
    long start(String job, Map<String, String> parameters);

    /**
     * Asks a running execution to stop (it stops at its next checkpoint).
     *
     * @throws InvalidInputException when the execution does not exist or is not running
     */
    void stop(long execution);

    /**
     * Restarts a failed or stopped execution from its last checkpoint; returns the new execution.
     *
     * @throws InvalidInputException when the execution does not exist or cannot be restarted
     */
    long restart(long execution);
}

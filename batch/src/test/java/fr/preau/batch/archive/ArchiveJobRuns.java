package fr.preau.batch.archive;

import java.time.Duration;
import java.util.Properties;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;

/** Starts and restarts the job mail-archiving inside the server and waits for the end of an execution. */
public final class ArchiveJobRuns {
    static final String JOB = "mail-archiving";

    private ArchiveJobRuns() {
    }

    /** The night and, so that the other tests' mailboxes keep their mail, the test's accounts only. */
    static Properties parameters(String today, String accounts) {
        Properties p = new Properties();
        p.setProperty("today", today);
        p.setProperty("partitions", "2");
        p.setProperty("accounts", accounts);
        return p;
    }

    static long start(String today, String accounts) {
        return BatchRuntime.getJobOperator().start(JOB, parameters(today, accounts));
    }

    /**
     * Restarts an execution from its checkpoint; one left STARTED by a killed server is recognised as not running
     * ({@code jberet.restart.mode=detect}).
     */
    static long restart(long execution, String today, String accounts) {
        Properties p = parameters(today, accounts);
        p.setProperty("jberet.restart.mode", "detect");
        return BatchRuntime.getJobOperator().restart(execution, p);
    }

    /** Waits until the execution has ended (polling the repository) and returns it. */
    public static JobExecution awaitEnd(long execution, Duration timeout) throws InterruptedException {
        JobOperator jobs = BatchRuntime.getJobOperator();
        long deadline = System.nanoTime() + timeout.toNanos();
        JobExecution result = jobs.getJobExecution(execution);
        while (result.getEndTime() == null && System.nanoTime() < deadline) {
            Thread.sleep(250);
            result = jobs.getJobExecution(execution);
        }
        return result;
    }

    /** The exit status of the step (the counts of {@link ArchiveCounts#exitStatus()}). */
    public static String stepExit(long execution) {
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(execution)) {
            return step.getExitStatus();
        }
        return null;
    }
}

package fr.preau.batch.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.logging.Logger;

import fr.preau.batch.archive.ArchiveJobRuns;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quota sweep over many mailboxes (issue 11, JOB-2; docs/benchmarks.md), on demand only (not an {@code *IT}: the
 * suite never runs it): {@code -Dit.test=QuotaSweepBench}, with the environment variables {@code
 * PREAU_BENCH_MAILBOXES=N} (default 25,000), {@code PREAU_BENCH_PARTITIONS=P} (default: the job's) and {@code
 * PREAU_BENCH_CLONED=true|false} (default false), which the tests' WildFly inherits. It seeds N account rows; without
 * PREAU_BENCH_CLONED, a first run (a night) makes Dovecot create each mailbox, reads it by GETQUOTAROOT (no usage
 * cloned yet) and writes its clone row; with it, the clone rows are seeded by SQL (no mailbox created, for the
 * 25,000). The second night's run, every account's usage read from the clone and every snapshot written, is the one
 * measured. The figures go to WildFly's log ("quota-sweep bench").
 */
@ExtendWith(ArquillianExtension.class)
class QuotaSweepBench {
    private static final Logger LOG = Logger.getLogger(QuotaSweepBench.class.getName());
    private static final String PREFIX = "bench.quota.";

    @EJB
    private QuotaFixture fixture;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("quota-sweep-bench.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/quota-sweep.xml");
    }

    @Test
    void sweepManyMailboxes() throws Exception {
        int mailboxes = Integer.parseInt(optional("PREAU_BENCH_MAILBOXES", "25000"));
        String partitions = optional("PREAU_BENCH_PARTITIONS", "");
        long seeding = System.nanoTime();
        boolean cloned = Boolean.parseBoolean(optional("PREAU_BENCH_CLONED", "false"));
        fixture.benchAccounts(PREFIX, TestEnv.domain(), mailboxes, cloned);
        LOG.info("quota-sweep bench: " + mailboxes + " account rows in "
                + Duration.ofNanos(System.nanoTime() - seeding).toMillis() + " ms");
        LocalDate night = LocalDate.of(2026, 10, 1);
        try {
            run(night, partitions, mailboxes, cloned ? "first night (usage cloned by SQL)"
                    : "first night (mailboxes created, read by GETQUOTAROOT)");
            JobExecution measured = run(night.plusDays(1), partitions, mailboxes, "second night");
            assertTrue(measured.getEndTime().getTime() > measured.getStartTime().getTime());
        } finally {
            fixture.disable(PREFIX);
        }
    }

    private static String optional(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private JobExecution run(LocalDate night, String partitions, int mailboxes, String label) throws Exception {
        Properties p = new Properties();
        p.setProperty("today", night.toString());
        p.setProperty("accounts", PREFIX + "%");
        if (!partitions.isBlank()) {
            p.setProperty("partitions", partitions);
        }
        long execution = BatchRuntime.getJobOperator().start("quota-sweep", p);
        JobExecution done = ArchiveJobRuns.awaitEnd(execution, Duration.ofHours(1));
        assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
        long millis = done.getEndTime().getTime() - done.getStartTime().getTime();
        LOG.info("quota-sweep bench, " + label + ": " + mailboxes + " mailboxes in " + millis + " ms ("
                + (mailboxes * 1000L / Math.max(1, millis)) + " mailboxes/s), partitions "
                + (partitions.isBlank() ? "default" : partitions) + ": " + ArchiveJobRuns.stepExit(execution));
        return done;
    }
}

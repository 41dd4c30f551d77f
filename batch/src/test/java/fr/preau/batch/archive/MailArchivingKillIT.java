package fr.preau.batch.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.Stack;
import fr.preau.testing.TestEnv;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.batch.runtime.JobExecution;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once under {@code kill -9} (issue 11, JOB-1; ADR 0092): a run of mail-archiving over several thousand
 * messages is cut by killing WildFly, then Dovecot, then PostgreSQL, each at a random point of the run (after a
 * random share of the messages moved), restarted from its checkpoint each time, and finished; then every Message-ID
 * is exactly once in the mailbox, in {@code Archives/<year>} when it is older than the policy, in INBOX otherwise,
 * and a second run changes nothing. The messages are seeded once into a folder {@code Réserve} of each mailbox and
 * copied into INBOX at each run.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailArchivingKillIT {
    private static final Logger LOG = Logger.getLogger(MailArchivingKillIT.class.getName());
    static final LocalDate NIGHT = LocalDate.of(2026, 12, 7);
    static final int ACCOUNTS = 6;
    static final int PER_ACCOUNT = 1000;
    static final long SEED = 9200;
    static final String ACCOUNT_PATTERN = "it.archive.tue.%";
    static final String RESERVE = "Réserve";
    private static final String RUN_FILE = "archiving-kill-run.txt";
    private static final Random RANDOM = new Random();

    @EJB
    private ArchiveFixture fixture;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("mail-archiving-kill-it.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/mail-archiving.xml");
    }

    static String user(int k) {
        return "it.archive.tue." + k;
    }

    static List<String> accounts() {
        List<String> all = new ArrayList<>();
        for (int k = 0; k < ACCOUNTS; k++) {
            all.add(ArchiveMailboxes.address(user(k)));
        }
        return all;
    }

    private static Path runFile() {
        return Path.of(TestEnv.get("PREAU_HOME"), RUN_FILE);
    }

    @Test
    @Order(1)
    void aRunStartsOverSeveralThousandMessages() throws Exception {
        fixture.setting("mail.archive.days", null);
        // Smaller UID MOVE commands: more of them, so that a kill is more likely to fall inside one.
        fixture.setting("mail.move.batch-size", "50");
        for (int k = 0; k < ACCOUNTS; k++) {
            fixture.account(user(k), ArchiveMailboxes.address(user(k)), null, "standard");
            String address = ArchiveMailboxes.address(user(k));
            ArchiveMailboxes.reset(address);
            ArchiveMailboxes.refill(address, RESERVE, PER_ACCOUNT, SEED + k);
        }
        int before = inboxes();
        assertEquals(ACCOUNTS * PER_ACCOUNT, before);
        long execution = ArchiveJobRuns.start(NIGHT.toString(), ACCOUNT_PATTERN);
        Files.writeString(runFile(), Long.toString(execution));
        awaitRandomProgress();
    }

    @Test
    @Order(2)
    @RunAsClient
    void wildflyIsKilledInTheMiddle(@ArquillianResource URL base) throws Exception {
        WildFlyRestart server = WildFlyRestart.current();
        server.kill();
        server.start(base.toString(), new File("target/wildfly-archiving-killed.log"));
    }

    @Test
    @Order(3)
    void dovecotThenPostgresqlAreKilledAndTheRunFinishesWithEveryMessageOnce() throws Exception {
        long execution = Long.parseLong(Files.readString(runFile()).strip());
        JobExecution killed = BatchRuntime.getJobOperator().getJobExecution(execution);
        assertNotEquals(BatchStatus.COMPLETED, killed.getBatchStatus(), "the kill cut the run");
        assertTrue(inboxes() > ACCOUNTS * PER_ACCOUNT / 2, "old mail is left to archive");

        execution = ArchiveJobRuns.restart(execution, NIGHT.toString(), ACCOUNT_PATTERN);
        awaitRandomProgress();
        killAll("dovecot", Path.of(TestEnv.get("PREAU_HOME"), "dovecot", "run", "master.pid"));
        JobExecution cut = ArchiveJobRuns.awaitEnd(execution, Duration.ofSeconds(60));
        Stack.startAgain();
        assertEquals(BatchStatus.FAILED, cut.getBatchStatus(), "a store that stops answering fails the step");

        execution = ArchiveJobRuns.restart(execution, NIGHT.toString(), ACCOUNT_PATTERN);
        awaitRandomProgress();
        killAll("postgresql", Path.of(TestEnv.get("PREAU_HOME"), "pgdata", "postmaster.pid"));
        Stack.startAgain();
        execution = finish(execution);

        int archived = ArchiveMailboxes.assertEachOnce(accounts(), SEED, PER_ACCOUNT, RESERVE, NIGHT.minusDays(365));
        assertTrue(archived > 3000, "several thousand messages archived: " + archived);

        long again = ArchiveJobRuns.start(NIGHT.toString(), ACCOUNT_PATTERN);
        assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(again, Duration.ofMinutes(2)).getBatchStatus());
        assertTrue(ArchiveJobRuns.stepExit(again).startsWith("ARCHIVED 0 "), ArchiveJobRuns.stepExit(again));
        fixture.setting("mail.move.batch-size", null);
    }

    /** Messages left in the INBOXes of the run's accounts. */
    private static int inboxes() throws Exception {
        int total = 0;
        for (int k = 0; k < ACCOUNTS; k++) {
            try (ImapProbe imap = ImapProbe.asMaster(ArchiveMailboxes.address(user(k)))) {
                total += imap.store().getFolder("INBOX").getMessageCount();
            }
        }
        return total;
    }

    /** Waits until a random share (3 to 10 %) of the messages left in the INBOXes has moved. */
    private static void awaitRandomProgress() throws Exception {
        int start = inboxes();
        int target = start - (int) (start * (0.03 + 0.07 * RANDOM.nextDouble()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int now = start;
        while (now > target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = inboxes();
        }
        LOG.info("archiving run interrupted with " + now + " messages left in the INBOXes (from " + start + ")");
        assertTrue(now <= target, "the run made progress: " + now + " left of " + start);
    }

    /** {@code kill -9} of a server's main process (its pid file's first line) and every process it started. */
    private static void killAll(String name, Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        ProcessHandle main = ProcessHandle.of(pid).orElseThrow();
        List<String> command = new ArrayList<>(List.of("kill", "-KILL", Long.toString(pid)));
        main.descendants().forEach(p -> command.add(Long.toString(p.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        main.onExit().get(30, TimeUnit.SECONDS);
        LOG.info(name + " killed (" + command.size() + " processes)");
    }

    /**
     * Restarts the run from its checkpoint until it completes: an execution that failed, or that a dead database
     * left marked as started though nothing runs it, is restarted; one still running is waited for.
     */
    private static long finish(long first) throws Exception {
        long execution = first;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            JobExecution state;
            try {
                state = BatchRuntime.getJobOperator().getJobExecution(execution);
            } catch (RuntimeException e) {
                Thread.sleep(200);
                continue;
            }
            if (state.getBatchStatus() == BatchStatus.COMPLETED) {
                return execution;
            }
            try {
                execution = ArchiveJobRuns.restart(execution, NIGHT.toString(), ACCOUNT_PATTERN);
            } catch (JobRestartException e) {
                // Still running in this server: wait for it.
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the run did not complete; last execution " + execution);
    }
}

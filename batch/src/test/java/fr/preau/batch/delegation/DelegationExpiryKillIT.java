package fr.preau.batch.delegation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import fr.preau.batch.archive.ArchiveJobRuns;
import fr.preau.delegation.DelegationFixture;
import fr.preau.delegation.SharedFolders;
import fr.preau.identity.RecoveryMailer;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
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
 * The nightly job delegation-expiry under {@code kill -9} (issue 13, items 2 and 5; docs/adr/0103, 0105): WildFly is
 * killed at a random point of a run that ends many delegations past their end date, started again, and the
 * execution restarted ends the rest: every delegation ended exactly once over both executions, one audit entry each
 * (written in the transaction of its end), the delegates' IMAP rights all gone; a run afterwards finds nothing.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegationExpiryKillIT {
    private static final String JOB = "delegation-expiry";
    private static final int DELEGATES = 30;
    private static final String RUN_FILE = "delegation-kill-run.txt";

    @EJB
    private ExpiryKillFixture fixture;

    @EJB
    private DelegationFixture accounts;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("delegation-expiry-kill-it.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/delegation-expiry.xml");
    }

    private static Path runFile() {
        return Path.of(TestEnv.get("PREAU_HOME"), RUN_FILE);
    }

    @Test
    @Order(1)
    void aRunStartsOverManyDelegationsPastTheirEnd() throws Exception {
        String owner = "it.dlgkill." + UUID.randomUUID().toString().substring(0, 8);
        List<String> delegates = new ArrayList<>();
        for (int i = 0; i < DELEGATES; i++) {
            delegates.add(owner + ".d" + i);
        }
        List<String> all = new ArrayList<>(delegates);
        all.add(0, owner);
        all.add(owner + ".avis");
        accounts.accounts(all);
        fixture.seed(owner, delegates);
        // The job mails both parties of each end: from a sender of this run, whose hourly sending budget
        // (docs/adr/0081) the other tests' notices do not share.
        String previous = fixture.setting(RecoveryMailer.SENDER_SETTING);
        fixture.setting(RecoveryMailer.SENDER_SETTING, DelegationFixture.address(owner + ".avis"));
        try (ImapProbe mailbox = ImapProbe.asMaster(DelegationFixture.address(owner))) {
            for (String d : delegates) {
                SharedFolders.grant(mailbox, "INBOX", DelegationFixture.address(d), "lr");
            }
            assertEquals(DELEGATES, granted(mailbox, owner));
        }
        long execution = BatchRuntime.getJobOperator().start(JOB, new Properties());
        Files.writeString(runFile(), execution + " " + owner + (previous == null ? "" : " " + previous));
        int target = DELEGATES / 10 + new Random().nextInt(DELEGATES / 3);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (fixture.counts(owner)[0] < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long ended = fixture.counts(owner)[0];
        assertTrue(ended >= target && ended < DELEGATES, "killed in the middle: " + ended + " of " + DELEGATES);
    }

    @Test
    @Order(2)
    @RunAsClient
    void wildflyIsKilledInTheMiddle(@ArquillianResource URL base) throws Exception {
        WildFlyRestart server = WildFlyRestart.current();
        server.kill();
        server.start(base.toString(), new File("target/wildfly-delegation-killed.log"));
    }

    @Test
    @Order(3)
    void theRestartedRunEndsTheRestEachOnceWithOneAuditEntryAndNoRightLeft() throws Exception {
        String[] saved = Files.readString(runFile()).strip().split(" ");
        long execution = Long.parseLong(saved[0]);
        String owner = saved[1];
        String previous = saved.length > 2 ? saved[2] : null;
        assertNotEquals(BatchStatus.COMPLETED, BatchRuntime.getJobOperator().getJobExecution(execution)
                .getBatchStatus(), "the kill cut the run");
        long endedBefore = fixture.counts(owner)[0];
        Properties restart = new Properties();
        restart.setProperty("jberet.restart.mode", "detect");
        long restarted = BatchRuntime.getJobOperator().restart(execution, restart);
        assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(restarted, Duration.ofMinutes(3))
                .getBatchStatus(), ArchiveJobRuns.stepExit(restarted));
        String exit = ArchiveJobRuns.stepExit(restarted);
        assertTrue(exit.matches("ENDED [0-9]+ FAILED 0"), exit);
        assertTrue(Long.parseLong(exit.split(" ")[1]) >= DELEGATES - endedBefore, "the rest ended: " + exit);
        assertArrayEquals(new long[] {DELEGATES, 0}, fixture.counts(owner), "every delegation ended");
        assertArrayEquals(new long[] {1, 1}, fixture.endAudits(owner), "one audit entry each, never two");
        try (ImapProbe mailbox = ImapProbe.asMaster(DelegationFixture.address(owner))) {
            assertEquals(0, granted(mailbox, owner), "no right left");
        }
        long again = BatchRuntime.getJobOperator().start(JOB, new Properties());
        assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(again, Duration.ofMinutes(1)).getBatchStatus());
        assertArrayEquals(new long[] {1, 1}, fixture.endAudits(owner), "a later run ends nothing twice");
        fixture.setting(RecoveryMailer.SENDER_SETTING, previous);
        Files.deleteIfExists(runFile());
    }

    /** How many of this run's delegates have rights on the owner's INBOX. */
    private static long granted(ImapProbe mailbox, String owner) throws Exception {
        return SharedFolders.grantees(mailbox, "INBOX").stream().filter(n -> n.startsWith(owner + ".d")).count();
    }
}

package fr.preau.batch.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.preau.batch.quota.QuotaFixture;
import fr.preau.batch.quota.QuotaSweepScenarios;
import fr.preau.mail.quota.QuotaReport;
import fr.preau.mail.quota.QuotaSweep;
import fr.preau.mail.quota.SweptAccount;
import fr.preau.identity.RecoveryMailer;
import fr.preau.testing.BigMailbox;
import fr.preau.testing.ItArchive;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.batch.runtime.JobExecution;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly job mail-archiving in a real WildFly against the real Dovecot and PostgreSQL (issue 11, JOB-1): each
 * account's old mail of INBOX and Envoyés moves to Archives/&lt;year&gt; by its policy (the account's, its quota
 * class's or the academy's 365 days; 0 = off), a mailbox Dovecot refuses is skipped and reported without stopping
 * the job, and a second run the same night changes nothing. The same deployment runs the scenarios of quota-sweep
 * ({@link QuotaSweepScenarios}, JOB-2), to spare the suite a deployment.
 */
@ExtendWith(ArquillianExtension.class)
class MailArchivingJobIT {
    private static final LocalDate NIGHT = LocalDate.of(2026, 12, 7);
    private static final String ACADEMY = "it.archive.nuit.academie";
    private static final String OWN = "it.archive.nuit.propre";
    private static final String BY_CLASS = "it.archive.nuit.classe";
    private static final String OFF = "it.archive.nuit.jamais";
    private static final String BROKEN = "it.archive.nuit.cassee";
    private static final String TWICE = "it.archive.deux.fois";

    @EJB
    private ArchiveFixture fixture;

    @EJB
    private QuotaFixture quotaFixture;

    @Inject
    private RecoveryMailer mailer;

    @EJB
    private QuotaSweep sweep;

    @EJB
    private QuotaReport report;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("mail-archiving-it.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/mail-archiving.xml")
                .addAsResource("META-INF/batch-jobs/quota-sweep.xml");
    }

    @Test
    void quotaAlertsAreMailedOncePerCrossingAndASecondRunTheSameDayChangesNothing() throws Exception {
        new QuotaSweepScenarios(quotaFixture, mailer)
                .eachThresholdIsMailedOncePerCrossingAndASecondRunTheSameDayChangesNothing();
    }

    @Test
    void quotaSweepSkipsARefusedMailboxAndRestartsFromItsCheckpoint() throws Exception {
        assertThrows(EJBAccessException.class, () -> sweep.accounts(0, 1, "%", "", 1), "the role batch's only");
        assertThrows(EJBAccessException.class, () -> sweep.sweep(List.of(new SweptAccount(1, "x@y")), NIGHT));
        assertThrows(EJBAccessException.class, () -> report.fullest(null, 0, 10), "the administrators' only");
        new QuotaSweepScenarios(quotaFixture, mailer).aRefusedMailboxIsSkippedAndAFailedRunRestartsFromItsCheckpoint();
    }

    @Test
    void quotaSweepReadsTheUsageDovecotClones() throws Exception {
        new QuotaSweepScenarios(quotaFixture, mailer)
                .theUsageClonedByDovecotFollowsDeliveryAndExpungeAndTheSweepReadsIt();
    }

    private record Seeded(String username, String folder, long seed, int count, int days) {
    }

    @Test
    void oldMailMovesToItsYearOnceAndASecondRunChangesNothing() throws Exception {
        fixture.setting("mail.archive.days", null);
        fixture.quotaClass("it-archive", 700);
        fixture.account(ACADEMY, ArchiveMailboxes.address(ACADEMY), null, "standard");
        fixture.account(OWN, ArchiveMailboxes.address(OWN), 30, "it-archive");
        fixture.account(BY_CLASS, ArchiveMailboxes.address(BY_CLASS), null, "it-archive");
        fixture.account(OFF, ArchiveMailboxes.address(OFF), 0, "standard");
        fixture.account(BROKEN, ArchiveMailboxes.address(BROKEN), null, "standard");
        List<Seeded> seeded = List.of(new Seeded(ACADEMY, "INBOX", 9101, 300, 365),
                new Seeded(ACADEMY, "Envoyés", 9102, 120, 365), new Seeded(OWN, "INBOX", 9103, 200, 30),
                new Seeded(BY_CLASS, "INBOX", 9104, 200, 700), new Seeded(OFF, "INBOX", 9105, 50, 0),
                new Seeded(BROKEN, "INBOX", 9106, 20, 365));
        for (String user : List.of(ACADEMY, OWN, BY_CLASS, OFF, BROKEN)) {
            ArchiveMailboxes.breakInbox(user, false);
            ArchiveMailboxes.reset(ArchiveMailboxes.address(user));
        }
        for (Seeded s : seeded) {
            BigMailbox.seed(ArchiveMailboxes.address(s.username()), s.folder(), s.count(), s.seed());
        }
        ArchiveMailboxes.breakInbox(BROKEN, true);
        try {
            long first = ArchiveJobRuns.start(NIGHT.toString(), "it.archive.nuit.%");
            JobExecution done = ArchiveJobRuns.awaitEnd(first, Duration.ofMinutes(3));
            assertEquals(BatchStatus.COMPLETED, done.getBatchStatus(), "a refused mailbox does not stop the job");
            String exit = ArchiveJobRuns.stepExit(first);
            assertTrue(exit.startsWith("ARCHIVED "), exit);
            assertTrue(exit.contains(ArchiveMailboxes.address(BROKEN)), "the refused mailbox is reported: " + exit);

            int expectedMoves = 0;
            for (Seeded s : seeded) {
                if (s.username().equals(BROKEN)) {
                    continue;
                }
                Map<String, List<String>> where = ArchiveMailboxes.whereIs(ArchiveMailboxes.address(s.username()));
                for (int i = 0; i < s.count(); i++) {
                    String expected = s.days() == 0 ? s.folder()
                            : ArchiveMailboxes.expectedFolder(s.seed(), i, s.folder(), NIGHT.minusDays(s.days()));
                    expectedMoves += expected.equals(s.folder()) ? 0 : 1;
                    assertEquals(List.of(expected), where.get(ArchiveMailboxes.messageId(s.seed(), i)),
                            s.username() + " message " + i + " of " + s.folder());
                }
            }
            assertTrue(expectedMoves > 300, "enough old mail to archive: " + expectedMoves);

            long second = ArchiveJobRuns.start(NIGHT.toString(), "it.archive.nuit.%");
            assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(second, Duration.ofMinutes(3))
                    .getBatchStatus());
            assertTrue(ArchiveJobRuns.stepExit(second).startsWith("ARCHIVED 0 "), ArchiveJobRuns.stepExit(second));
        } finally {
            ArchiveMailboxes.breakInbox(BROKEN, false);
        }
        Map<String, List<String>> broken = ArchiveMailboxes.whereIs(ArchiveMailboxes.address(BROKEN));
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of("INBOX"), broken.get(ArchiveMailboxes.messageId(9106, i)), "nothing moved there");
        }
    }

    /**
     * Two executions at once (the night's and one an administrator started) over the same mailbox: one archiver at a
     * time per mailbox (PostgreSQL advisory lock of its transaction), so every message ends in one folder, once, and
     * the two runs' counts add up to the messages that moved.
     */
    @Test
    void twoExecutionsAtOnceMoveEachMessageOnce() throws Exception {
        fixture.setting("mail.archive.days", null);
        fixture.account(TWICE, ArchiveMailboxes.address(TWICE), 30, "standard");
        ArchiveMailboxes.reset(ArchiveMailboxes.address(TWICE));
        int count = 400;
        BigMailbox.seed(ArchiveMailboxes.address(TWICE), "INBOX", count, 9201);

        long one = ArchiveJobRuns.start(NIGHT.toString(), TWICE + "%");
        long two = ArchiveJobRuns.start(NIGHT.toString(), TWICE + "%");
        for (long execution : List.of(one, two)) {
            assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(execution, Duration.ofMinutes(3))
                    .getBatchStatus());
        }
        Map<String, List<String>> where = ArchiveMailboxes.whereIs(ArchiveMailboxes.address(TWICE));
        int moved = 0;
        for (int i = 0; i < count; i++) {
            String expected = ArchiveMailboxes.expectedFolder(9201, i, "INBOX", NIGHT.minusDays(30));
            moved += expected.equals("INBOX") ? 0 : 1;
            assertEquals(List.of(expected), where.get(ArchiveMailboxes.messageId(9201, i)), "message " + i);
        }
        assertTrue(moved > 100, "enough old mail to archive: " + moved);
        assertEquals(moved, archived(ArchiveJobRuns.stepExit(one)) + archived(ArchiveJobRuns.stepExit(two)),
                ArchiveJobRuns.stepExit(one) + " / " + ArchiveJobRuns.stepExit(two));
    }

    /** The count of an exit status {@code ARCHIVED <n> ...}. */
    private static int archived(String exit) {
        assertTrue(exit.startsWith("ARCHIVED "), exit);
        return Integer.parseInt(exit.split(" ")[1]);
    }
}

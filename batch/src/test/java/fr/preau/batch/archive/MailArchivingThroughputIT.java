package fr.preau.batch.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.logging.Logger;

import fr.preau.testing.ItArchive;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An uninterrupted run of mail-archiving with the default settings over the mailboxes of {@link MailArchivingKillIT}
 * (6,000 messages, about 3,700 to archive): each message once where it belongs, the exit status counts exactly the
 * moved ones, and the throughput (messages moved per second, from the execution's start and end) is logged for
 * docs/benchmarks.md.
 */
@ExtendWith(ArquillianExtension.class)
class MailArchivingThroughputIT {
    private static final Logger LOG = Logger.getLogger(MailArchivingThroughputIT.class.getName());

    @EJB
    private ArchiveFixture fixture;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("mail-archiving-throughput-it.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/mail-archiving.xml");
    }

    @Test
    void anUninterruptedRunMovesEachOldMessageOnceAndCountsThem() throws Exception {
        fixture.setting("mail.archive.days", null);
        fixture.setting("mail.move.batch-size", null);
        for (int k = 0; k < MailArchivingKillIT.ACCOUNTS; k++) {
            String user = MailArchivingKillIT.user(k);
            fixture.account(user, ArchiveMailboxes.address(user), null, "standard");
            ArchiveMailboxes.reset(ArchiveMailboxes.address(user));
            ArchiveMailboxes.refill(ArchiveMailboxes.address(user), MailArchivingKillIT.RESERVE,
                    MailArchivingKillIT.PER_ACCOUNT, MailArchivingKillIT.SEED + k);
        }
        long execution = ArchiveJobRuns.start(MailArchivingKillIT.NIGHT.toString(),
                MailArchivingKillIT.ACCOUNT_PATTERN);
        JobExecution done = ArchiveJobRuns.awaitEnd(execution, Duration.ofMinutes(3));
        assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());

        int archived = ArchiveMailboxes.assertEachOnce(MailArchivingKillIT.accounts(), MailArchivingKillIT.SEED,
                MailArchivingKillIT.PER_ACCOUNT, MailArchivingKillIT.RESERVE, MailArchivingKillIT.NIGHT.minusDays(365));
        String exit = ArchiveJobRuns.stepExit(execution);
        assertTrue(exit.startsWith("ARCHIVED " + archived + " ACCOUNTS 6 SKIPPED 0"), exit);
        long millis = done.getEndTime().getTime() - done.getStartTime().getTime();
        LOG.info("mail-archiving throughput: " + archived + " messages in " + millis + " ms, "
                + (archived * 1000L / Math.max(1, millis)) + " messages/s (6 accounts, 2 partitions, UID MOVE of 200)");
    }
}

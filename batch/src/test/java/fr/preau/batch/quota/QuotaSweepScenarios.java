package fr.preau.batch.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.batch.archive.ArchiveJobRuns;
import fr.preau.identity.RecoveryMailer;
import fr.preau.mail.quota.QuotaNotice;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Quota;
import jakarta.mail.QuotaAwareStore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The nightly job quota-sweep in a real WildFly against the real Dovecot, Postfix and PostgreSQL (issue 11, JOB-2;
 * docs/adr/0093): mailboxes filled with real messages in a 1 MB quota class, one snapshot per account and day, the
 * alerts at 80 / 90 / 100 % mailed once per crossing and again after going back under, a second run the same day
 * changing nothing, a refused mailbox skipped and reported, a failed run restarted from its checkpoint, the usage
 * read from the copy Dovecot keeps in PostgreSQL (quota_clone) and from the mailbox when there is none yet. Run by
 * {@link fr.preau.batch.archive.MailArchivingJobIT}, whose deployment (the same in-container archive) it shares:
 * a deployment of its own would cost about a minute of the suite.
 */
public final class QuotaSweepScenarios {
    private static final String JOB = "quota-sweep";
    private static final String SMALL = "it-quota-1mo";
    private static final String TWO = "it-quota-2mo";
    private static final int MESSAGE_KB = 60;
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    /** Dovecot copies the usage at the end of a session (LMTP, IMAP logout), or 10 s after a change. */
    private static final Duration CLONE_WAIT = Duration.ofSeconds(30);

    private final QuotaFixture fixture;
    private final RecoveryMailer mailer;

    public QuotaSweepScenarios(QuotaFixture fixture, RecoveryMailer mailer) {
        this.fixture = fixture;
        this.mailer = mailer;
    }

    /** Alerts once per crossing, re-armed under a threshold; a second run the same day changes nothing. */
    public void eachThresholdIsMailedOncePerCrossingAndASecondRunTheSameDayChangesNothing() throws Exception {
        String user = "it.quota.seuil.alerte";
        String full = "it.quota.seuil.pleine";
        String rescue = "it.quota.seuil.secours";
        fixture.quotaClass(SMALL, 1);
        fixture.quotaClass(TWO, 2);
        fixture.account(user, address(user), SMALL);
        fixture.account(full, address(full), TWO);
        fixture.account(rescue, address(rescue), "standard");
        fixture.recoveryAddress(full, address(rescue));
        for (String u : List.of(user, full, rescue)) {
            try (ImapProbe imap = ImapProbe.asMaster(address(u))) {
                imap.empty("INBOX");
            }
        }
        LocalDate day = LocalDate.of(2026, 11, 2);

        fill(user, 14);
        fill(full, 19);
        fixture.moveToClass(full, SMALL);
        String exit = run(day, "it.quota.seuil.%", null);
        assertEquals("SWEPT 3 UNCHANGED 0 ALERTS 2 SKIPPED 0", exit);
        long[] first = fixture.snapshot(user, day);
        assertNotNull(first, "the day's snapshot");
        assertEquals(1024, first[1], "the 1 MB quota, in KiB");
        assertTrue(first[0] * 100 / first[1] >= 80 && first[0] * 100 / first[1] < 90, "about 83 %: " + first[0]);
        assertEquals(1, awaitAlert(user, 80));
        assertEquals(1, awaitAlert(rescue, 100), "the full mailbox's alert goes to its recovery address");

        assertEquals("SWEPT 0 UNCHANGED 3 ALERTS 0 SKIPPED 0", run(day, "it.quota.seuil.%", null),
                "a second run the same day");
        assertEquals(first[0], fixture.snapshot(user, day)[0], "the day's snapshot is kept");
        assertEquals("SWEPT 3 UNCHANGED 0 ALERTS 0 SKIPPED 0", run(day.plusDays(1), "it.quota.seuil.%", null),
                "the next night, still over 80 %: no alert");
        assertAlertsAfterMarker(user, 80, 1);
        assertAlertsAfterMarker(rescue, 100, 1);

        fill(user, 2);
        assertEquals("SWEPT 3 UNCHANGED 0 ALERTS 1 SKIPPED 0", run(day.plusDays(2), "it.quota.seuil.%", null));
        assertEquals(1, awaitAlert(user, 90));

        deleteFilling(user, 8);
        assertEquals("SWEPT 3 UNCHANGED 0 ALERTS 0 SKIPPED 0", run(day.plusDays(3), "it.quota.seuil.%", null),
                "back under 80 %: re-armed, nothing mailed");
        fill(user, 6);
        assertEquals("SWEPT 3 UNCHANGED 0 ALERTS 1 SKIPPED 0", run(day.plusDays(4), "it.quota.seuil.%", null),
                "80 % crossed again");
        assertEquals(2, awaitAlert(user, 80));
        assertAlertsAfterMarker(user, 90, 1);
        assertEquals(5, fixture.snapshots(user), "one snapshot a day");
    }

    /** A refused mailbox skipped and named; a run failed on it restarted from its checkpoint. */
    public void aRefusedMailboxIsSkippedAndAFailedRunRestartsFromItsCheckpoint() throws Exception {
        List<String> users = List.of("it.quota.reprise.1", "it.quota.reprise.2", "it.quota.reprise.3",
                "it.quota.reprise.4");
        String broken = users.get(2);
        for (String u : users) {
            fixture.account(u, address(u), "standard");
            try (ImapProbe imap = ImapProbe.asMaster(address(u))) {
                imap.store().getFolder("INBOX").getMessageCount();
            }
        }
        LocalDate day = LocalDate.of(2026, 11, 20);
        breakMailbox(broken, true);
        try {
            String exit = run(day, "it.quota.reprise.%", null);
            assertTrue(exit.startsWith("SWEPT 3 UNCHANGED 0 ALERTS 0 SKIPPED 1 "), exit);
            assertTrue(exit.contains(address(broken)), "the refused mailbox is named: " + exit);
            assertEquals(0, fixture.snapshots(broken), "nothing written for it");

            LocalDate next = day.plusDays(1);
            Properties stopAtFirstFailure = new Properties();
            stopAtFirstFailure.setProperty("maxConsecutiveFailures", "1");
            long failed = start(next, "it.quota.reprise.%", stopAtFirstFailure);
            assertEquals(BatchStatus.FAILED, ArchiveJobRuns.awaitEnd(failed, Duration.ofMinutes(2))
                    .getBatchStatus(), "a run that meets as many failures in a row as allowed stops");
            assertNotNull(fixture.snapshot(users.get(1), next), "the chunks before the failure are committed");
            assertEquals(null, fixture.snapshot(users.get(3), next), "the rest is left for the restart");

            breakMailbox(broken, false);
            Properties restart = parameters(next, "it.quota.reprise.%", stopAtFirstFailure);
            long again = BatchRuntime.getJobOperator().restart(failed, restart);
            assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(again, Duration.ofMinutes(2))
                    .getBatchStatus());
            assertEquals(2, readCount(again), "the restart reads from the checkpoint on: the last two accounts");
            for (String u : users) {
                assertNotNull(fixture.snapshot(u, next), u + " swept once the run is finished");
            }
        } finally {
            breakMailbox(broken, false);
        }
    }

    /**
     * Dovecot's copy of the usage follows a delivery (LMTP) and an expunge, and the sweep reads it instead of the
     * mailbox; an account without a copy yet is read from its mailbox (GETQUOTAROOT), and its row written.
     */
    public void theUsageClonedByDovecotFollowsDeliveryAndExpungeAndTheSweepReadsIt() throws Exception {
        String user = "it.quota.clone.suivi";
        String fresh = "it.quota.clone.neuve";
        fixture.quotaClass(SMALL, 1);
        fixture.account(user, address(user), SMALL);
        fixture.account(fresh, address(fresh), SMALL);
        try (ImapProbe imap = ImapProbe.asMaster(address(user))) {
            imap.empty("INBOX");
        }
        try (ImapProbe imap = ImapProbe.asMaster(address(fresh))) {
            imap.store().getFolder("INBOX").getMessageCount();
        }
        SmtpProbe.sendFromOutside(address(user), "Copie de l'usage 1");
        awaitSubject(user, "Copie de l'usage 1");
        long[] first = awaitClone(user);

        SmtpProbe.sendFromOutside(address(user), "Copie de l'usage 2");
        awaitSubject(user, "Copie de l'usage 2");
        long[] delivered = awaitClone(user);
        assertEquals(first[1] + 1, delivered[1], "one message more after the delivery");
        assertTrue(delivered[0] > first[0], "more bytes after the delivery: " + first[0] + " then " + delivered[0]);

        try (ImapProbe imap = ImapProbe.asMaster(address(user))) {
            Folder inbox = imap.store().getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                m.setFlag(Flags.Flag.DELETED, "Copie de l'usage 2".equals(m.getSubject()));
            }
            inbox.close(true);
        }
        long[] expunged = awaitClone(user);
        assertEquals(first[0], expunged[0], "the bytes of before the delivery, after the expunge");
        assertEquals(first[1], expunged[1]);

        // 870 KiB of 1 MB (84 %): the mailbox itself holds a few KiB, so only the copy can make the sweep say so.
        fixture.cloneBytes(address(user), 870 * 1024);
        assertEquals(null, fixture.cloned(address(fresh)), "the other mailbox has no copy yet");
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertEquals("SWEPT 2 UNCHANGED 0 ALERTS 1 SKIPPED 0", run(day, "it.quota.clone.%", null));
        assertEquals(870, fixture.snapshot(user, day)[0], "the sweep read the copy");
        assertEquals(1, awaitAlert(user, 80));
        long[] read = fixture.snapshot(fresh, day);
        assertNotNull(read, "the mailbox without a copy is read by GETQUOTAROOT");
        long[] written = fixture.cloned(address(fresh));
        assertNotNull(written, "and its copy written by the sweep");
        assertEquals(read[0], written[0] / 1024);
        assertEquals(-1, written[1], "its message count unknown until Dovecot writes the row");
    }

    private static String address(String username) {
        return username + "@" + TestEnv.domain();
    }

    private static Properties parameters(LocalDate day, String accounts, Properties more) {
        Properties p = new Properties();
        p.setProperty("today", day.toString());
        p.setProperty("partitions", "1");
        p.setProperty("chunk", "1");
        p.setProperty("accounts", accounts);
        if (more != null) {
            p.putAll(more);
        }
        return p;
    }

    private static long start(LocalDate day, String accounts, Properties more) {
        return BatchRuntime.getJobOperator().start(JOB, parameters(day, accounts, more));
    }

    /** Runs the job to its end and gives the step's exit status. */
    private static String run(LocalDate day, String accounts, Properties more) throws InterruptedException {
        long execution = start(day, accounts, more);
        assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(execution, Duration.ofMinutes(2))
                .getBatchStatus());
        return ArchiveJobRuns.stepExit(execution);
    }

    private static long readCount(long execution) {
        long read = 0;
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(execution)) {
            for (Metric m : step.getMetrics()) {
                if (m.getType() == Metric.MetricType.READ_COUNT) {
                    read += m.getValue();
                }
            }
        }
        return read;
    }

    /** Appends {@code count} messages of about {@value #MESSAGE_KB} KiB to INBOX. */
    private void fill(String username, int count) throws Exception {
        String line = "Remplissage du quota de la boite aux lettres academique, ligne de texte ordinaire.\r\n";
        String text = line.repeat(MESSAGE_KB * 1024 / line.length());
        try (ImapProbe imap = ImapProbe.asMaster(address(username))) {
            for (int i = 0; i < count; i++) {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
                m.setFrom("remplissage@" + TestEnv.domain());
                m.setSubject("Remplissage " + i);
                m.setText(text, "UTF-8");
                imap.append("INBOX", m);
            }
        }
        awaitClone(username);
    }

    /** Deletes {@code count} of the filling messages for good. */
    private void deleteFilling(String username, int count) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address(username))) {
            Folder inbox = imap.store().getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            int deleted = 0;
            for (Message m : inbox.getMessages()) {
                if (deleted < count && m.getSubject().startsWith("Remplissage")) {
                    m.setFlag(Flags.Flag.DELETED, true);
                    deleted++;
                }
            }
            inbox.close(true);
        }
        awaitClone(username);
    }

    /**
     * Waits until the usage Dovecot cloned into PostgreSQL is the mailbox's as it is now (GETQUOTAROOT, and the
     * messages of every folder), and returns it: {bytes, messages}. A sweep that starts afterwards reads that usage.
     */
    private long[] awaitClone(String username) throws Exception {
        long usedKb = 0;
        long messages = 0;
        try (ImapProbe imap = ImapProbe.asMaster(address(username))) {
            for (Quota quota : ((QuotaAwareStore) imap.store()).getQuota("INBOX")) {
                for (Quota.Resource r : quota.resources) {
                    usedKb += "STORAGE".equalsIgnoreCase(r.name) ? r.usage : 0;
                }
            }
            for (Folder f : imap.store().getDefaultFolder().list("*")) {
                messages += (f.getType() & Folder.HOLDS_MESSAGES) != 0 ? f.getMessageCount() : 0;
            }
        }
        long deadline = System.nanoTime() + CLONE_WAIT.toNanos();
        while (true) {
            long[] clone = fixture.cloned(address(username));
            if (clone != null && (clone[0] + 1023) / 1024 == usedKb && clone[1] == messages) {
                return clone;
            }
            assertTrue(System.nanoTime() < deadline, "usage cloned for " + username + ": " + Arrays.toString(clone)
                    + ", the mailbox: " + usedKb + " KiB, " + messages + " messages");
            Thread.sleep(100);
        }
    }

    private static void awaitSubject(String username, String subject) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address(username))) {
            assertEquals(1, imap.awaitSubject("INBOX", subject, MAIL_WAIT), subject + " delivered");
        }
    }

    /** Waits until the alert of this threshold is in the mailbox; returns how many of them are there. */
    private static long awaitAlert(String username, int threshold) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address(username))) {
            return imap.awaitSubject("INBOX", QuotaNotice.subject(threshold), MAIL_WAIT);
        }
    }

    /**
     * Sends a marker by the alerts' own route once the runs are over and, when it has arrived, checks how many alerts
     * of this threshold there are: an alert sent by those runs would have arrived before it.
     */
    private void assertAlertsAfterMarker(String username, int threshold, long expected) throws Exception {
        String marker = "Témoin " + UUID.randomUUID();
        mailer.send(address(username), marker, "Témoin de fin des traitements.");
        try (ImapProbe imap = ImapProbe.asMaster(address(username))) {
            assertEquals(1, imap.awaitSubject("INBOX", marker, MAIL_WAIT), "the marker arrives");
            assertEquals(expected, imap.subjects("INBOX").stream().filter(QuotaNotice.subject(threshold)::equals)
                    .count(), "alerts of " + threshold + " % in " + username);
        }
    }

    /** Makes the account's Maildir unreadable for Dovecot, or readable again. */
    private static void breakMailbox(String username, boolean broken) throws Exception {
        Path maildir = Path.of(TestEnv.get("PREAU_HOME"), "mail", TestEnv.domain(), username, "Maildir");
        if (!Files.exists(maildir)) {
            return;
        }
        Files.setPosixFilePermissions(maildir, PosixFilePermissions.fromString(broken ? "---------" : "rwx------"));
    }
}

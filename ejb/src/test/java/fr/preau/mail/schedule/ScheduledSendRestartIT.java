package fr.preau.mail.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.mail.MailAddress;
import fr.preau.mail.MailFixture;
import fr.preau.mail.OutgoingMessage;
import fr.preau.shared.InvalidInputException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.WildFlyRestart;
import jakarta.ejb.EJB;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
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
 * Scheduled send exactly once across a real WildFly restart (ADR 0050), against the real PostgreSQL, Postfix and
 * Dovecot: a message falls due while the server is down and leaves once when it is back; a message planned for
 * tomorrow survives the restart, untouched, then leaves once; and the crash windows of a sender that died mid-way
 * (SMTP accepted and copy kept; SMTP accepted, marker written, no copy; nothing accepted) end with exactly one
 * message in the recipient's inbox and one copy in Envoyés when it really left.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledSendRestartIT {
    private static final String RECIPIENT = "it.planifie.dest";

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("schedule-restart-it.war").deleteClass(WildFlyRestart.class);
    }

    @EJB
    private AsPlanner planner;

    @EJB
    private MailFixture mailboxes;

    @EJB
    private ScheduleFixture rows;

    private static String sender() {
        return AsPlanner.USERNAME + "@" + TestEnv.domain();
    }

    private static String recipient() {
        return RECIPIENT + "@" + TestEnv.domain();
    }

    private static OutgoingMessage message(String subject) {
        return new OutgoingMessage(List.of(new MailAddress(recipient(), "Dominique Destinataire")), List.of(),
                subject, "Bonjour,\nCeci est un envoi différé.\n");
    }

    /** The run's subjects are told apart by a suffix written where the server and the client both read it. */
    private static String run() throws Exception {
        return java.nio.file.Files.readString(new File(TestEnv.get("PREAU_HOME"), "scheduled-restart-run.txt")
                .toPath()).strip();
    }

    @Test
    @Order(1)
    void scheduleMessagesThenLeaveTheSenderMidWay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Files.writeString(new File(TestEnv.get("PREAU_HOME"), "scheduled-restart-run.txt").toPath(),
                run);
        mailboxes.ensureAccount(AsPlanner.USERNAME, sender(), "Claire Planifie");
        mailboxes.ensureAccount(RECIPIENT, recipient(), "Dominique Destinataire");
        mailboxes.resetMailbox(sender());
        mailboxes.resetMailbox(recipient());
        // A crashed claim is taken again after the lease: longer than the next step needs to stop the server, shorter
        // than its restart, so that the claims are taken again after it.
        rows.setting("mail.schedule.lease", "PT20S");

        // A time already past is refused, in French (compose shows it next to the date), and nothing is stored.
        InvalidInputException past = assertThrows(InvalidInputException.class,
                () -> planner.schedule(message("Trop tard " + run), Instant.now().minusSeconds(60)));
        assertEquals("schedule.error.past", past.messageKey());

        // Falls due while the server is down: the next step brings its time to "now" once the server has stopped.
        planner.schedule(message("Pendant l'arrêt " + run), Instant.now().plusSeconds(3600));
        planner.schedule(message("Demain " + run), Instant.now().plus(Duration.ofDays(1)));

        long copyKept = planner.schedule(message("Accepté et copié " + run), Instant.now().plusSeconds(3600));
        long markerOnly = planner.schedule(message("Accepté sans copie " + run), Instant.now().plusSeconds(3600));
        long neverAccepted = planner.schedule(message("Jamais accepté " + run), Instant.now().plusSeconds(3600));
        rows.abandonedBySender(copyKept, false);
        rows.abandonedBySender(markerOnly, true);
        rows.abandonedBySender(neverAccepted, false);
        // The first one reached SMTP and Envoyés before the crash: its copy is there, with its Message-ID.
        try (ImapProbe imap = ImapProbe.asMaster(sender())) {
            imap.append("Envoyés", new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rows.mime(copyKept))));
        }
        assertEquals(ScheduledState.SENDING, rows.state(neverAccepted));
    }

    @Test
    @Order(2)
    @RunAsClient
    void wildflyIsDownAtTheDueTimeThenStartsAgain(@ArquillianResource URL base) throws Exception {
        WildFlyRestart server = WildFlyRestart.current();
        server.stop();
        // The first message falls due while no server runs.
        fallsDueNow("Pendant l'arrêt " + run());
        // Until this instant no server could send: the message due meanwhile must leave after it.
        java.nio.file.Files.writeString(new File(TestEnv.get("PREAU_HOME"), "scheduled-restart-up.txt").toPath(),
                Instant.now().toString());
        server.start(base.toString(), new File("target/wildfly-restarted.log"));
    }

    @Test
    @Order(3)
    void afterTheRestartEachMessageLeftExactlyOnce() throws Exception {
        String run = run();
        String whileDown = "Pendant l'arrêt " + run;
        String tomorrow = "Demain " + run;
        long downId = rows.idOf(whileDown);
        awaitState(downId, ScheduledState.SENT, Duration.ofSeconds(120));
        awaitState(rows.idOf("Accepté et copié " + run), ScheduledState.SENT, Duration.ofSeconds(120));
        awaitState(rows.idOf("Accepté sans copie " + run), ScheduledState.SENT, Duration.ofSeconds(120));
        awaitState(rows.idOf("Jamais accepté " + run), ScheduledState.SENT, Duration.ofSeconds(120));
        Instant backAt = Instant.parse(java.nio.file.Files.readString(
                new File(TestEnv.get("PREAU_HOME"), "scheduled-restart-up.txt").toPath()).strip());
        assertTrue(backAt.isAfter(rows.dueAt(downId)), "the server was down at the due time");
        assertTrue(rows.sentAt(downId).orElseThrow().isAfter(backAt), "sent late, once the server was back");

        try (ImapProbe inbox = ImapProbe.asMaster(recipient()); ImapProbe sent = ImapProbe.asMaster(sender())) {
            assertEquals(1, inbox.awaitSubject("INBOX", whileDown, Duration.ofSeconds(30)));
            assertEquals(1, inbox.awaitSubject("INBOX", "Jamais accepté " + run, Duration.ofSeconds(30)));
            // Every row is SENT, so any second submission happened before: a message sent now arrives after it.
            SmtpProbe.witness(recipient(), Duration.ofSeconds(60));
            List<String> received = inbox.subjects("INBOX");
            List<String> copies = sent.subjects("Envoyés");
            assertEquals(1, count(received, whileDown), received.toString());
            assertEquals(0, count(received, "Accepté et copié " + run), "already sent before the crash");
            assertEquals(0, count(received, "Accepté sans copie " + run), "SMTP had accepted it before the crash");
            assertEquals(1, count(received, "Jamais accepté " + run), received.toString());
            assertEquals(0, count(received, tomorrow), "not before its time");
            for (String s : List.of(whileDown, "Accepté et copié " + run, "Accepté sans copie " + run,
                    "Jamais accepté " + run)) {
                assertEquals(1, count(copies, s), "one copy in Envoyés of " + s + ": " + copies);
            }
        }
        assertEquals(1, rows.attempts(downId));

        // The message planned for tomorrow survived the restart, still changeable; brought forward, it leaves once.
        long tomorrowId = rows.idOf(tomorrow);
        assertEquals(ScheduledState.PLANNED, rows.state(tomorrowId));
        planner.reschedule(tomorrowId, message(tomorrow), Instant.now().plusSeconds(2));
        awaitState(tomorrowId, ScheduledState.SENT, Duration.ofSeconds(60));
        try (ImapProbe inbox = ImapProbe.asMaster(recipient())) {
            assertEquals(1, inbox.awaitSubject("INBOX", tomorrow, Duration.ofSeconds(30)));
            SmtpProbe.witness(recipient(), Duration.ofSeconds(60));
            assertEquals(1, count(inbox.subjects("INBOX"), tomorrow));
        }
        rows.setting("mail.schedule.lease", null);
    }

    /** From outside the stopped server: the planned row with this subject is due now. */
    private static void fallsDueNow(String subject) throws Exception {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
                PreparedStatement due = c.prepareStatement("update scheduled_message set due_at = now()"
                        + " - interval '1 second' where subject = ? and state = 'PLANNED'")) {
            due.setString(1, subject);
            assertEquals(1, due.executeUpdate());
        }
    }

    private void awaitState(long id, ScheduledState expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (rows.state(id) != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        assertEquals(expected, rows.state(id), "row " + id);
    }

    private static long count(List<String> subjects, String subject) {
        return subjects.stream().filter(subject::equals).count();
    }
}

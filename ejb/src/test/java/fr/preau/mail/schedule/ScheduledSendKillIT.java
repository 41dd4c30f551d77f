package fr.preau.mail.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import fr.preau.agenda.AgendaFixture;
import fr.preau.agenda.AsOwner;
import fr.preau.agenda.EventDraft;
import fr.preau.agenda.Repeat;
import fr.preau.delegation.DelegationFixture;
import fr.preau.mail.ListFixture;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailFixture;
import fr.preau.mail.OutgoingMessage;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.WildFlyRestart;
import jakarta.ejb.EJB;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
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
 * The window of issue 9, item 13 (ADR 0083): WildFly is killed ({@code kill -9}) after Postfix answered 250 to the
 * DATA of a scheduled message and before the sender could write its sent marker. After the restart the message must
 * still exist exactly once: received once, one copy in Envoyés, never submitted again. The sender is held at its
 * test pause point (a system property set inside the server, gone with the killed JVM) while the test waits for the
 * message in the recipient's inbox, then kills the process. The evidence mailbox cannot be written from outside, and
 * a recovery that cannot get its probe through decides nothing (and sends nothing) until it can.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledSendKillIT {
    private static final String RECIPIENT = "it.planifie.tue";
    private static final String EVIDENCE = "preuve-envoi@preau.invalid";
    private static final String FULL_EVIDENCE = "it.preuves.pleines";
    private static final String RUN_FILE = "scheduled-kill-run.txt";
    /** The reminder killed in the same window (docs/adr/0111): its event id, then its subject. */
    private static final String REMINDER_FILE = "reminder-kill-run.txt";

    @EJB
    private ScheduleFixture rows;

    @EJB
    private AsPlanner planner;

    @EJB
    private MailFixture mailboxes;

    @EJB
    private ListFixture quotas;

    @EJB
    private AsOwner agendaOwner;

    @EJB
    private AgendaFixture agenda;

    @EJB
    private DelegationFixture accounts;

    private static String sender() {
        return AsPlanner.USERNAME + "@" + TestEnv.domain();
    }

    private static String remindedOwner() {
        return AgendaFixture.address(AsOwner.USERNAME);
    }

    /** Line {@code n} of the reminder's run file: its event id (0), its subject (1). */
    private static String reminder(int n) throws Exception {
        return Files.readAllLines(new File(TestEnv.get("PREAU_HOME"), REMINDER_FILE).toPath()).get(n);
    }

    private static String recipient() {
        return RECIPIENT + "@" + TestEnv.domain();
    }

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("schedule-kill-it.war").deleteClass(WildFlyRestart.class);
    }

    /** The subject of this run's message, written where the server and the client both read it. */
    private static String subject() throws Exception {
        return "Tué après DATA " + Files.readString(new File(TestEnv.get("PREAU_HOME"), RUN_FILE).toPath()).strip();
    }

    @Test
    @Order(1)
    void scheduleAMessageWhoseSenderStopsAfterData() throws Exception {
        Files.writeString(new File(TestEnv.get("PREAU_HOME"), RUN_FILE).toPath(),
                UUID.randomUUID().toString().substring(0, 8));
        mailboxes.ensureAccount(AsPlanner.USERNAME, sender(), "Claire Planifie");
        mailboxes.ensureAccount(RECIPIENT, recipient(), "Dominique Tué");
        mailboxes.resetMailbox(sender());
        mailboxes.resetMailbox(recipient());
        // The killed sender's claim is taken again after the lease: short, so that it happens soon after the restart.
        rows.setting("mail.schedule.lease", "PT20S");
        // Evidence of what is no longer in doubt is removed as soon as the purge sees it.
        rows.setting("mail.schedule.evidence-keep", "PT1S");
        long id = planner.schedule(new OutgoingMessage(List.of(new MailAddress(recipient(), "Dominique Tué")),
                List.of(), subject(), "Bonjour,\nCe message ne doit partir qu'une fois.\n"),
                Instant.now().plusSeconds(3600));
        System.setProperty(ScheduledSender.PAUSE_AFTER_SUBMIT, rows.messageId(id));
        rows.dueNow(id);

        // An agenda reminder falls at the same time; its sender is held after Postfix's 250 too (docs/adr/0111).
        accounts.accounts(List.of(AsOwner.USERNAME));
        agenda.reset(List.of(AsOwner.USERNAME));
        mailboxes.resetMailbox(remindedOwner());
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.MINUTES).plusHours(2);
        String title = "Réunion " + subject();
        long event = agendaOwner.create(agendaOwner.calendars().get(0).id(), new EventDraft(title, false, start,
                start.plusHours(1), "Salle 4", null, false, Repeat.NONE)).eventId();
        agendaOwner.setReminder(event, 10);
        Files.write(new File(TestEnv.get("PREAU_HOME"), REMINDER_FILE).toPath(), List.of(String.valueOf(event),
                "Rappel : " + title + " — " + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
                        .format(start)));
        agenda.reminderHeldAfterSubmit(event);
    }

    @Test
    @Order(2)
    @RunAsClient
    void postfixAcceptsItThenWildflyIsKilled(@ArquillianResource URL base) throws Exception {
        // In the recipient's inbox: Postfix answered 250 to DATA; the sender waits at its pause point, no marker.
        try (ImapProbe inbox = ImapProbe.asMaster(recipient())) {
            assertEquals(1, inbox.awaitSubject("INBOX", subject(), Duration.ofSeconds(90)));
        }
        try (ImapProbe inbox = ImapProbe.asMaster(remindedOwner())) {
            assertEquals(1, inbox.awaitSubject("INBOX", reminder(1), Duration.ofSeconds(90)));
        }
        WildFlyRestart server = WildFlyRestart.current();
        server.kill();
        server.start(base.toString(), new File("target/wildfly-killed.log"));
    }

    @Test
    @Order(3)
    void afterTheRestartTheMessageExistsExactlyOnce() throws Exception {
        String subject = subject();
        long id = rows.idOf(subject);
        assertEquals(ScheduledState.SENT, rows.awaitState(id, ScheduledState.SENT, Duration.ofSeconds(180)));
        assertEquals(2, rows.attempts(id), "taken again after the kill");
        // Any second submission happened before SENT: a message sent now, after it, arrives after it.
        String later = "Témoin " + subject;
        SmtpProbe.submit(sender() + "*" + TestEnv.get("PREAU_MASTER_USER"), TestEnv.get("PREAU_MASTER_PASSWORD"),
                sender(), sender(), recipient(), later);
        try (ImapProbe inbox = ImapProbe.asMaster(recipient()); ImapProbe sent = ImapProbe.asMaster(sender())) {
            assertEquals(1, inbox.awaitSubject("INBOX", later, Duration.ofSeconds(60)));
            List<String> received = inbox.subjects("INBOX");
            assertEquals(1, Collections.frequency(received, subject), "received once: " + received);
            List<String> copies = sent.subjects("Envoyés");
            assertEquals(1, Collections.frequency(copies, subject), "one copy in Envoyés: " + copies);
        }
        // The evidence copy does not pile up: the purge removes it once the message is SENT.
        try (ImapProbe evidence = ImapProbe.asMaster(EVIDENCE)) {
            Instant deadline = Instant.now().plusSeconds(120);
            while (Collections.frequency(evidence.subjects("INBOX"), subject) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }
            assertEquals(0, Collections.frequency(evidence.subjects("INBOX"), subject), "evidence purged");
        }
        // The reminder: its claim taken again after the lease, found in the evidence mailbox, not submitted again.
        long event = Long.parseLong(reminder(0));
        Instant deadline = Instant.now().plusSeconds(180);
        while (!agenda.remindersSent(event).equals(List.of("SENT 2")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(List.of("SENT 2"), agenda.remindersSent(event), "recovered once after the kill");
        SmtpProbe.witness(remindedOwner(), Duration.ofSeconds(60));
        try (ImapProbe inbox = ImapProbe.asMaster(remindedOwner())) {
            List<String> received = inbox.subjects("INBOX");
            assertEquals(1, Collections.frequency(received, reminder(1)), "reminded once: " + received);
        }
        rows.setting("mail.schedule.lease", null);
        rows.setting("mail.schedule.evidence-keep", null);
    }

    @Test
    @Order(4)
    @RunAsClient
    void mailFromOutsideCannotWriteEvidence() throws Exception {
        // Evidence that would stop a scheduled message from leaving: inbound SMTP (anyone) refuses its domain.
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", TestEnv.get("PREAU_SMTP_PORT"));
        MimeMessage forged = new MimeMessage(Session.getInstance(props));
        forged.setFrom(new InternetAddress("quelqu.un@exemple.org"));
        forged.setRecipients(Message.RecipientType.TO, EVIDENCE);
        forged.setSubject("Fausse preuve", "UTF-8");
        forged.setText("Bonjour", "UTF-8");
        SendFailedException refused = assertThrows(SendFailedException.class, () -> Transport.send(forged));
        assertTrue(String.valueOf(refused.getNextException()).contains("554 5.7.1"),
                String.valueOf(refused.getNextException()));
    }

    @Test
    @Order(5)
    void aRecoveryWhoseProbeCannotGetThroughSubmitsNothingUntilItCan() throws Exception {
        String subject = "Preuve injoignable " + subject();
        String later = "Témoin 2 " + subject;
        // The evidence mailbox is full: Postfix refuses the probe at RCPT (quota-status), so no absence is believed.
        String full = FULL_EVIDENCE + "@" + TestEnv.domain();
        mailboxes.ensureAccount(FULL_EVIDENCE, full, "Preuves pleines");
        mailboxes.resetMailbox(full);
        try (ImapProbe imap = ImapProbe.asMaster(full)) {
            MimeMessage big = new MimeMessage((Session) null);
            big.setSubject("Remplissage", "UTF-8");
            big.setText(("x".repeat(79) + "\n").repeat(14_000), "UTF-8");
            big.saveChanges();
            imap.append("INBOX", big);
        }
        quotas.quota(FULL_EVIDENCE, "it-1mo", 1);
        rows.setting("mail.schedule.evidence-address", full);
        // Short: each tick after the next takes the row again (one server, one tick at a time).
        rows.setting("mail.schedule.lease", "PT6S");
        try {
            long id = planner.schedule(new OutgoingMessage(List.of(new MailAddress(recipient(), "Dominique Tué")),
                    List.of(), subject, "Bonjour,\nUne seule fois.\n"), Instant.now().plusSeconds(3600));
            rows.abandonedBySender(id, false);
            // Taken again twice after the lease: the first recovery ended without a decision, still SENDING.
            Instant deadline = Instant.now().plusSeconds(120);
            while (rows.attempts(id) < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }
            assertEquals(3, rows.attempts(id));
            SmtpProbe.submit(sender() + "*" + TestEnv.get("PREAU_MASTER_USER"), TestEnv.get("PREAU_MASTER_PASSWORD"),
                    sender(), sender(), recipient(), later);
            try (ImapProbe inbox = ImapProbe.asMaster(recipient())) {
                assertEquals(1, inbox.awaitSubject("INBOX", later, Duration.ofSeconds(60)));
                assertEquals(0, Collections.frequency(inbox.subjects("INBOX"), subject), "not submitted undecided");
            }

            // Room again: the next recovery's probe arrives, the absence is believed, the message leaves once.
            quotas.standardQuota(FULL_EVIDENCE);
            assertEquals(ScheduledState.SENT, rows.awaitState(id, ScheduledState.SENT, Duration.ofSeconds(180)));
            try (ImapProbe inbox = ImapProbe.asMaster(recipient()); ImapProbe sent = ImapProbe.asMaster(sender())) {
                assertEquals(1, inbox.awaitSubject("INBOX", subject, Duration.ofSeconds(60)));
                assertEquals(1, Collections.frequency(sent.subjects("Envoyés"), subject));
            }
        } finally {
            quotas.standardQuota(FULL_EVIDENCE);
            rows.setting("mail.schedule.evidence-address", null);
            rows.setting("mail.schedule.lease", null);
        }
    }
}

package fr.preau.agenda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.identity.RecoveryMailer;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.Deployment;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.PausePoint;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Mails the reminders of agenda events at their time, exactly once per occurrence (docs/adr/0111). Every 10 seconds:
 * reminders whose event changed are computed again; each reminder due gets a row per (event, occurrence) claimed
 * with the fixed bytes and Message-ID of its mail (a second claim of the same occurrence finds the row and sends
 * nothing), moves on to the next occurrence, and is submitted from the system sender to the owner with the evidence
 * mailbox as one more envelope recipient (ADR 0083). A claim whose sender died is taken again after the lease
 * ({@code mail.schedule.lease}) and submitted only if the evidence mailbox, after a probe went through, does not hold
 * it. A reminder that fell more than {@link #TOO_LATE} ago (the server was down) is skipped, not sent late.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderSender {
    /** A reminder older than this when its sender can send it is skipped: it would only confuse. */
    public static final Duration TOO_LATE = Duration.ofHours(12);
    /** The JVM system property of the test pause point: after the submission's 250, before SENT. */
    public static final String PAUSE_AFTER_SUBMIT = "preau.test.agenda.reminder.pause-after-submit";

    private static final Logger LOG = Logger.getLogger(ReminderSender.class.getName());
    private static final int BATCH = 50;
    private static final String EVIDENCE_ADDRESS = "preuve-envoi@preau.invalid";
    private static final Duration PROBE_WAIT = Duration.ofSeconds(60);

    private final String claimant = "rappel-" + UUID.randomUUID();
    private final Object running = new Object();

    @EJB
    private ReminderRows rows;

    @EJB
    private AcademySettings settings;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    private Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "agenda-reminders")
    public void tick() {
        run();
    }

    /** Sends the reminders due now; returns how many mails were handled. */
    public int run() {
        synchronized (running) {
            try {
                Instant now = clock.instant();
                recompute(now);
                List<ReminderRows.Claim> claims = new ArrayList<>();
                for (ReminderRows.Pending p : rows.due(now, BATCH)) {
                    claim(p, now).ifPresent(claims::add);
                }
                claims.addAll(rows.expired(claimant, now,
                        settings.duration("mail.schedule.lease", Duration.ofMinutes(5)), BATCH));
                for (ReminderRows.Claim c : claims) {
                    handle(c);
                }
                return claims.size();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Agenda reminders: not sent now, tried again at the next tick", e);
                return 0;
            }
        }
    }

    void clock(Clock value) {
        clock = value;
    }

    /** The Message-ID of the reminder of one occurrence, in the academy's domain. */
    static String messageId(long eventId, LocalDateTime occurrence) {
        return ReminderMail.messageId(eventId, occurrence,
                Optional.ofNullable(Deployment.mailDomain()).orElse("preau.invalid"));
    }

    /** A changed event: its next reminder from now on (an occurrence moved away is no longer reminded). */
    private void recompute(Instant now) {
        for (ReminderRows.Stale s : rows.stale(BATCH)) {
            Optional<ReminderPlan.Due> next = ReminderPlan.next(EventObject.parse(s.ical()), s.minutes(), now);
            rows.plan(s.eventId(), null, s.revision(), next.map(ReminderPlan.Due::occurrence).orElse(null),
                    next.map(ReminderPlan.Due::at).orElse(null));
        }
    }

    /** Claims the occurrence due (unless too late) and moves the reminder on to the next one. */
    private Optional<ReminderRows.Claim> claim(ReminderRows.Pending p, Instant now) {
        EventObject o = EventObject.parse(p.ical());
        Optional<ReminderPlan.Due> due = ReminderPlan.next(o, p.minutes(), p.due())
                .filter(d -> d.occurrence().equals(p.occurrence()));
        Optional<ReminderRows.Claim> claim = Optional.empty();
        if (due.isPresent() && due.get().at().isBefore(now.minus(TOO_LATE))) {
            LOG.info("Agenda reminder of event " + p.eventId() + " at " + p.occurrence() + " skipped: fell at "
                    + due.get().at() + ", more than " + TOO_LATE + " ago");
        } else if (due.isPresent()) {
            String id = messageId(p.eventId(), p.occurrence());
            String link = Optional.ofNullable(Deployment.portalUrl()).map(u -> u.replaceAll("/+$", "")
                    + "/agenda.xhtml").orElse(null);
            byte[] mime = ReminderMail.mime(due.get().details(), id, sender().address(), p.address(), p.name(),
                    link, now);
            if (rows.claim(p.eventId(), p.occurrence(), p.accountId(), due.get().at(), id, mime, claimant, now)) {
                claim = Optional.of(new ReminderRows.Claim(p.eventId(), p.occurrence(), due.get().at(), id, mime, 1));
            }
        }
        Instant from = due.map(d -> d.at().plusMillis(1)).orElse(p.due().plusMillis(1));
        Optional<ReminderPlan.Due> next = ReminderPlan.next(o, p.minutes(), from);
        rows.plan(p.eventId(), p.occurrence(), p.revision(), next.map(ReminderPlan.Due::occurrence).orElse(null),
                next.map(ReminderPlan.Due::at).orElse(null));
        return claim;
    }

    private void handle(ReminderRows.Claim c) {
        MailboxContext ctx = access.system(sender());
        String evidence = settings.text("mail.schedule.evidence-address", EVIDENCE_ADDRESS);
        try {
            if (c.attempts() > 1) {
                Optional<Boolean> accepted = previousAttempt(ctx, c, evidence);
                if (accepted.isEmpty()) {
                    LOG.warning("Agenda reminder " + c.messageId() + ": outcome of the previous attempt unknown yet");
                    return;
                }
                if (accepted.get()) {
                    LOG.info("Agenda reminder " + c.messageId() + " accepted before a crash: not sent again");
                    rows.finish(c.eventId(), c.occurrence(), "SENT", clock.instant());
                    return;
                }
                if (c.due().isBefore(clock.instant().minus(TOO_LATE))) {
                    rows.finish(c.eventId(), c.occurrence(), "SKIPPED", clock.instant());
                    return;
                }
            }
            mailbox.submitStored(ctx, c.mime(), evidence);
            PausePoint.hold(PAUSE_AFTER_SUBMIT, c.messageId());
            rows.finish(c.eventId(), c.occurrence(), "SENT", clock.instant());
            LOG.info("Agenda reminder sent " + c.messageId());
        } catch (InvalidInputException e) {
            LOG.warning("Agenda reminder " + c.messageId() + " refused: " + e.messageKey() + " " + e.argument());
            rows.finish(c.eventId(), c.occurrence(), "FAILED", clock.instant());
        } catch (ServiceUnavailableException e) {
            // Stays SENDING: after the lease the evidence decides whether it left.
            LOG.log(Level.WARNING, "Agenda reminder " + c.messageId() + " not sent yet: " + e.component(), e);
        }
    }

    /**
     * Whether the previous attempt was accepted by SMTP (ADR 0083): its copy in the evidence mailbox says yes; its
     * absence is believed only once a probe sent after it has arrived; empty when nothing can be decided yet.
     */
    private Optional<Boolean> previousAttempt(MailboxContext ctx, ReminderRows.Claim c, String evidence) {
        if (mailbox.evidenceHolds(evidence, c.mime(), c.messageId())) {
            return Optional.of(true);
        }
        try {
            String probe = mailbox.sendProbe(ctx, evidence);
            if (!mailbox.awaitProbe(evidence, probe, PROBE_WAIT)) {
                return Optional.empty();
            }
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        return Optional.of(mailbox.evidenceHolds(evidence, c.mime(), c.messageId()));
    }

    private MailAddress sender() {
        return new MailAddress(settings.text(RecoveryMailer.SENDER_SETTING, RecoveryMailer.DEFAULT_SENDER),
                "Agenda");
    }
}

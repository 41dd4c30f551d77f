package fr.preau.mail.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.schedule.ScheduledSendStore.Claim;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.PausePoint;
import fr.preau.shared.ServiceUnavailableException;
import fr.preau.settings.AcademySettings;
import jakarta.annotation.PostConstruct;
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
 * Sends scheduled messages at their time, exactly once (ADR 0050). Every 10 seconds (so what fell due while
 * WildFly was down leaves within seconds of its start) it claims due rows with {@code FOR UPDATE SKIP LOCKED} and
 * walks each through: sent marker or copy in Envoyés already there? then only finish; else SMTP, sent marker, copy
 * in Envoyés (idempotent by Message-ID), SENT. Each step commits on its own. SMTP also delivers each message to the
 * evidence mailbox (ADR 0083), which tells a recovery whether a sender that died without its marker had been
 * accepted.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledSender {
    private static final Logger LOG = Logger.getLogger(ScheduledSender.class.getName());
    private static final int BATCH = 20;

    /** The evidence mailbox of ADR 0083, as the Postfix and Dovecot templates route it. */
    private static final String EVIDENCE_ADDRESS = "preuve-envoi@preau.invalid";
    /** How long a recovery waits for its probe; longer than a normal delivery, shorter than the lease. */
    private static final Duration PROBE_WAIT = Duration.ofSeconds(60);
    private static final int PURGE_EVERY_TICKS = 6;
    /** The reason kept with a message whose account was suspended at its time (shown on the page Planifiés). */
    public static final String ACCOUNT_SUSPENDED = "compte suspendu";

    /** What a dead sender's attempt did, as far as the servers tell. */
    private enum Outcome { COPIED, ACCEPTED, NOT_ACCEPTED, UNKNOWN }

    /**
     * The JVM system property of the test pause point of ADR 0083: the sender stops right after the submission
     * server's 250 to DATA and before the sent marker, until the process is killed ({@link PausePoint}).
     */
    public static final String PAUSE_AFTER_SUBMIT = "preau.test.schedule.pause-after-submit";

    /** This server's run: a claim made by another run (or older than the lease) is one to recover. */
    private final String claimant = "preau-" + UUID.randomUUID();

    private final Object running = new Object();

    @EJB
    private ScheduledSendStore store;

    @EJB
    private AcademySettings settings;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    private int ticks;

    @PostConstruct
    void atStartup() {
        LOG.info("Scheduled sender " + claimant + " started");
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "scheduled-send")
    public void tick() {
        run();
    }

    /** Sends whatever is due now; returns how many messages were handled. */
    public int run() {
        synchronized (running) {
            Duration lease = settings.duration("mail.schedule.lease", Duration.ofMinutes(5));
            int handled = 0;
            try {
                for (Claim claim : store.claimDue(claimant, lease, BATCH)) {
                    handle(claim);
                    handled++;
                }
                purgeEvidence();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Scheduled send: database unavailable, retried at the next tick", e);
            }
            return handled;
        }
    }

    private void handle(Claim claim) {
        Optional<MailboxContext> owner = owner(claim.accountId());
        if (owner.isEmpty()) {
            store.markFailed(claim.id(), "account disabled");
            return;
        }
        MailboxContext ctx = owner.get();
        try {
            if (!claim.submitted()) {
                String evidence = evidenceAddress();
                Outcome before = claim.attempts() > 1 ? previousAttempt(ctx, claim, evidence) : Outcome.NOT_ACCEPTED;
                if (before == Outcome.COPIED) {
                    LOG.info("Scheduled message " + claim.id() + " was sent before a restart: not sent again");
                    store.markSent(claim.id());
                    return;
                }
                if (before == Outcome.UNKNOWN) {
                    // Stays SENDING: taken again after the lease, never submitted while it may have left.
                    LOG.warning("Scheduled message " + claim.id() + ": outcome of the previous attempt unknown yet");
                    return;
                }
                if (before == Outcome.ACCEPTED) {
                    LOG.info("Scheduled message " + claim.id() + " accepted by SMTP before a crash: not sent again");
                } else if (store.suspended(claim.accountId())) {
                    // ADR 0090: nothing leaves under a suspended account's name (Postfix would refuse it too); the
                    // message is kept, refused, for its author to send again once the account is reactivated.
                    LOG.info("Scheduled message " + claim.id() + " not sent: the account is suspended");
                    store.markFailed(claim.id(), ACCOUNT_SUSPENDED);
                    return;
                } else {
                    mailbox.submitStored(ctx, claim.mime(), evidence);
                    PausePoint.hold(PAUSE_AFTER_SUBMIT, claim.messageId());
                }
                store.markSubmitted(claim.id());
            }
            mailbox.keepInSentOnce(ctx, claim.mime(), claim.messageId());
            store.markSent(claim.id());
            LOG.info("Scheduled message " + claim.id() + " sent " + claim.messageId());
        } catch (InvalidInputException e) {
            LOG.warning("Scheduled message " + claim.id() + " refused: " + e.messageKey() + " " + e.argument());
            store.markFailed(claim.id(), e.argument() == null ? e.messageKey() : e.argument());
        } catch (ServiceUnavailableException e) {
            LOG.log(Level.WARNING, "Scheduled message " + claim.id() + " not sent yet: " + e.component(), e);
            if (!claim.submitted()) {
                store.release(claim.id(), e.component().name());
            }
            // Submitted but no copy yet: stays SENDING; after the lease only the copy is made.
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Scheduled message " + claim.id() + " failed", e);
        }
    }

    /**
     * What the previous attempt of a claimed row without sent marker did before its sender died (ADR 0083): its copy
     * in Envoyés, or its copy in the evidence mailbox, proves SMTP accepted it. An absence alone proves nothing (the
     * evidence may still wait in Postfix's queue): a probe through the same route must arrive first, then the
     * absence is believed; no probe, no decision.
     */
    private Outcome previousAttempt(MailboxContext ctx, Claim claim, String evidence) {
        if (mailbox.inSent(ctx, claim.messageId())) {
            return Outcome.COPIED;
        }
        if (mailbox.evidenceHolds(evidence, claim.mime(), claim.messageId())) {
            return Outcome.ACCEPTED;
        }
        String probe;
        try {
            probe = mailbox.sendProbe(ctx, evidence);
        } catch (InvalidInputException e) {
            LOG.warning("Scheduled message " + claim.id() + ": probe refused (" + e.messageKey() + ")");
            return Outcome.UNKNOWN;
        }
        if (!mailbox.awaitProbe(evidence, probe, PROBE_WAIT)) {
            return Outcome.UNKNOWN;
        }
        return mailbox.evidenceHolds(evidence, claim.mime(), claim.messageId()) ? Outcome.ACCEPTED
                : Outcome.NOT_ACCEPTED;
    }

    /**
     * Removes the evidence no row in doubt needs any more: at the first tick after a start (when the recoveries of a
     * crash have just been decided), then about once a minute.
     */
    private void purgeEvidence() {
        if (++ticks % PURGE_EVERY_TICKS != 1) {
            return;
        }
        try {
            int removed = mailbox.purgeEvidence(evidenceAddress(),
                    settings.duration("mail.schedule.evidence-keep", Duration.ofMinutes(10)), store.inDoubt());
            if (removed > 0) {
                LOG.fine("Evidence mailbox: " + removed + " copies removed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Evidence mailbox not purged, tried again later", e);
        }
    }

    private String evidenceAddress() {
        return settings.text("mail.schedule.evidence-address", EVIDENCE_ADDRESS);
    }

    private Optional<MailboxContext> owner(long accountId) {
        return store.enabledAddress(accountId).flatMap(access::forJob);
    }
}

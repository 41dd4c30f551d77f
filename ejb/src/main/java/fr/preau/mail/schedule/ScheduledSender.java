package fr.preau.mail.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.account.Account;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.imap.SentCopies;
import fr.preau.mail.schedule.ScheduledSendStore.Claim;
import fr.preau.shared.InvalidInputException;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sends scheduled messages at their time, exactly once (ADR 0050). Every 10 seconds (so what fell due while
 * WildFly was down leaves within seconds of its start) it claims due rows with {@code FOR UPDATE SKIP LOCKED} and
 * walks each through: sent marker or copy in Envoyés already there? then only finish; else SMTP, sent marker, copy
 * in Envoyés (idempotent by Message-ID), SENT. Each step commits on its own.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledSender {
    private static final Logger LOG = Logger.getLogger(ScheduledSender.class.getName());
    private static final int BATCH = 20;

    /** This server's run: a claim made by another run (or older than the lease) is one to recover. */
    private final String claimant = "preau-" + UUID.randomUUID();

    private final Object running = new Object();

    @EJB
    private ScheduledSendStore store;

    @EJB
    private AcademySettings settings;

    @Inject
    private SentCopies copies;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

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
                // A previous attempt died after claiming: its copy in Envoyés proves SMTP accepted it.
                if (claim.attempts() > 1 && copies.inSent(ctx, claim.messageId())) {
                    LOG.info("Scheduled message " + claim.id() + " was sent before a restart: not sent again");
                    store.markSent(claim.id());
                    return;
                }
                copies.submit(ctx, claim.mime());
                store.markSubmitted(claim.id());
            }
            copies.keepOnce(ctx, claim.mime(), claim.messageId());
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

    private Optional<MailboxContext> owner(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null || !account.isEnabled()) {
            return Optional.empty();
        }
        MailAddress address = new MailAddress(account.getAddress(), account.getDisplayName());
        return Optional.of(new MailboxContext(address, address));
    }
}

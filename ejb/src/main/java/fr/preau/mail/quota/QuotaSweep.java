package fr.preau.mail.quota;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

import fr.preau.identity.RecoveryMailer;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.QuotaInfo;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The nightly quota sweep (JOB-2, docs/adr/0093): the accounts in partitions, and for a chunk of accounts on one day
 * their storage, kept as the day's snapshots, and the alerts mailed to those that crossed 80, 90 or 100 % of their
 * quota ({@link QuotaThresholds}). The storage is the one Dovecot copies to PostgreSQL at each change (quota_clone,
 * read for the whole chunk in one query); an account without that copy yet is read from its mailbox (GETQUOTAROOT
 * through the {@link Mailbox} port). Called by the job {@code quota-sweep} only, under the role {@code batch}
 * (ADR 0091).
 */
@Stateless
@RolesAllowed("batch")
public class QuotaSweep {
    private static final Logger LOG = Logger.getLogger(QuotaSweep.class.getName());
    private static final ZoneId ACADEMY_ZONE = ZoneId.of("Europe/Paris");

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    @Inject
    private RecoveryMailer mailer;

    @Inject
    private QuotaSweepRows rows;

    private Clock clock = Clock.systemUTC();

    /** Today in Europe/Paris by the bean's clock: the day of a run started without one. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ACADEMY_ZONE));
    }

    void clock(Clock value) {
        clock = value;
    }

    /**
     * Enabled accounts of one partition ({@code id mod partitions = partition}) whose address matches {@code like}
     * (SQL {@code LIKE}; {@code %}: all) and comes after {@code after}, in address order, at most {@code limit}.
     *
     * @throws ServiceUnavailableException the database did not answer
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SweptAccount> accounts(int partition, int partitions, String like, String after, int limit) {
        return rows.accounts(partition, partitions, like, after, limit);
    }

    /**
     * Takes the snapshot of {@code day} of each account that has none, and mails the alert its usage calls for; one
     * result per account, in their order. A second call the same day reads and changes nothing. The alerts are
     * mailed before the snapshots and the new alert states are written (together, at the end of the chunk): an
     * interruption in between mails them again at the next run rather than never. At 100 % the mailbox refuses mail,
     * so the alert also goes to the account's verified recovery address. One sweeper at a time per account (a
     * PostgreSQL advisory lock, as mail-archiving does). An account that fails (its mailbox refused or not
     * answering, the account gone or disabled, its alert not sent) is skipped: nothing is written for it. When the
     * database fails, every account of the chunk is.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Swept> sweep(List<SweptAccount> accounts, LocalDate day) {
        Swept[] outcomes = new Swept[accounts.size()];
        try {
            rows.sweepLocked(accounts, day, states -> {
                List<QuotaTaken> taken = new ArrayList<>();
                for (int i = 0; i < states.size(); i++) {
                    try {
                        outcomes[i] = sweepOne(accounts.get(i), states.get(i), taken);
                    } catch (RuntimeException e) {
                        outcomes[i] = Swept.failed(e);
                    }
                }
                return taken;
            });
        } catch (RuntimeException e) {
            Arrays.fill(outcomes, Swept.failed(e));
        }
        return List.of(outcomes);
    }

    private Swept sweepOne(SweptAccount account, QuotaState state, List<QuotaTaken> taken) {
        if (state == null || !state.hasMailbox()) {
            throw new NotFoundException("account.missing", account.address());
        }
        if (state.sweptToday()) {
            return Swept.already();
        }
        long used;
        long limit;
        boolean fromMailbox = false;
        if (state.clonedBytes() != null) {
            used = (state.clonedBytes() + 1023) / 1024;
            limit = state.limitKb();
        } else {
            MailboxContext ctx = access.forJob(account.address())
                    .orElseThrow(() -> new NotFoundException("account.missing", account.address()));
            QuotaInfo usage = mailbox.usage(ctx);
            used = usage == null ? 0 : usage.usedKb();
            limit = usage == null ? 0 : usage.limitKb();
            fromMailbox = usage != null;
        }
        QuotaThresholds.Decision decision = QuotaThresholds.next(state.mailed(),
                new QuotaInfo(used, limit, List.of()).percent());
        if (decision.mail() > 0) {
            String subject = QuotaNotice.subject(decision.mail());
            String text = QuotaNotice.text(decision.mail(), used, limit);
            if (decision.mail() < 100) {
                mailer.send(account.address(), subject, text);
            } else {
                full(account.address(), state.recovery(), subject, text);
            }
            LOG.info("quota-sweep: " + account.address() + " told of " + decision.mail() + " %");
        }
        taken.add(new QuotaTaken(account.id(), account.address(), used, limit, decision.state(), fromMailbox));
        return new Swept(true, used, limit, decision.mail(), null);
    }

    /**
     * The 100 % alert: to the verified recovery address when there is one (it must go), and to the mailbox, which
     * may refuse it now that it is full (ADR 0045): that refusal is expected and only logged, so that a full mailbox
     * still gets its snapshot (the report's first line) instead of being skipped every night.
     */
    private void full(String address, String recovery, String subject, String text) {
        if (recovery != null) {
            mailer.send(recovery, subject, text);
        }
        try {
            mailer.send(address, subject, text);
        } catch (ServiceUnavailableException e) {
            LOG.warning("quota-sweep: the full mailbox " + address + " refused its alert ("
                    + (recovery == null ? "no recovery address" : "sent to its recovery address") + "): " + e);
        }
    }
}

package fr.preau.mail.quota;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import fr.preau.identity.RecoveryMailer;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.QuotaInfo;
import fr.preau.shared.Component;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * The nightly quota sweep (JOB-2, docs/adr/0093): the accounts in partitions, and for one account on one day its
 * storage read from the mail store (GETQUOTAROOT through the {@link Mailbox} port), kept as the day's snapshot, and
 * the alert mailed when it crossed 80, 90 or 100 % of its quota ({@link QuotaThresholds}). Called by the job
 * {@code quota-sweep} only, under the role {@code batch} (ADR 0091).
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

    @Resource(lookup = "java:jboss/datasources/PreauDS")
    private DataSource database;

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
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("select id, address from account where enabled"
                        + " and mod(id, ?) = ? and address like ? and address > ? order by address limit ?")) {
            q.setInt(1, partitions);
            q.setInt(2, partition);
            q.setString(3, like == null || like.isBlank() ? "%" : like);
            q.setString(4, after == null ? "" : after);
            q.setInt(5, limit);
            List<SweptAccount> result = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    result.add(new SweptAccount(rows.getLong(1), rows.getString(2)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new ServiceUnavailableException(Component.DATABASE, e);
        }
    }

    /**
     * Takes the account's snapshot of {@code day} unless it exists, and mails the alert its usage calls for. A
     * second call the same day reads and changes nothing. The alert is mailed before the snapshot and the new
     * alert state are written (together): an interruption in between mails it again at the next run rather than
     * never. At 100 % the mailbox refuses mail, so the alert also goes to the account's verified recovery address.
     * One sweeper at a time per account (a PostgreSQL advisory lock, as mail-archiving does).
     *
     * @throws NotFoundException the account is gone or disabled
     * @throws ServiceUnavailableException the mail store refused the mailbox or did not answer, or the database
     *         failed: nothing was written
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Swept sweep(SweptAccount account, LocalDate day) {
        try (Connection c = database.getConnection()) {
            // The lock belongs to a local transaction of this connection (as mail-archiving's, ADR 0091): its end
            // releases it whatever happens, so nothing of it can stay on a connection back in the pool.
            c.setAutoCommit(false);
            try {
                lock(c, "select pg_advisory_xact_lock(hashtext('quota-sweep'), hashtext(?))", account.address());
                Swept swept = sweepLocked(c, account, day);
                c.commit();
                return swept;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException(Component.DATABASE, e);
        }
    }

    private Swept sweepLocked(Connection c, SweptAccount account, LocalDate day) throws SQLException {
        int mailed;
        String recovery;
        try (PreparedStatement q = c.prepareStatement("select exists (select 1 from quota_snapshot where account_id = ?"
                + " and day = ?), coalesce((select threshold from quota_alert where account_id = ?), 0),"
                + " (select r.address from recovery_address r join account a on a.username = r.username"
                + " where a.id = ? and r.verified_at is not null)")) {
            q.setLong(1, account.id());
            q.setDate(2, Date.valueOf(day));
            q.setLong(3, account.id());
            q.setLong(4, account.id());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                if (r.getBoolean(1)) {
                    return Swept.already();
                }
                mailed = r.getInt(2);
                recovery = r.getString(3);
            }
        }
        MailboxContext ctx = access.forJob(account.address())
                .orElseThrow(() -> new NotFoundException("account.missing", account.address()));
        QuotaInfo usage = mailbox.usage(ctx);
        long used = usage == null ? 0 : usage.usedKb();
        long limit = usage == null ? 0 : usage.limitKb();
        QuotaThresholds.Decision decision = QuotaThresholds.next(mailed, usage == null ? 0 : usage.percent());
        if (decision.mail() > 0) {
            String subject = QuotaNotice.subject(decision.mail());
            String text = QuotaNotice.text(decision.mail(), used, limit);
            if (decision.mail() < 100) {
                mailer.send(account.address(), subject, text);
            } else {
                full(account.address(), recovery, subject, text);
            }
            LOG.info("quota-sweep: " + account.address() + " told of " + decision.mail() + " %");
        }
        try (PreparedStatement w = c.prepareStatement("with snapshot as (insert into quota_snapshot (account_id, day,"
                + " used_kb, limit_kb) values (?, ?, ?, ?) on conflict do nothing returning account_id)"
                + " insert into quota_alert (account_id, threshold, changed_on) select account_id, ?, ? from snapshot"
                + " on conflict (account_id) do update set threshold = excluded.threshold,"
                + " changed_on = excluded.changed_on where quota_alert.threshold <> excluded.threshold")) {
            w.setLong(1, account.id());
            w.setDate(2, Date.valueOf(day));
            w.setLong(3, used);
            w.setLong(4, limit);
            w.setInt(5, decision.state());
            w.setDate(6, Date.valueOf(day));
            w.executeUpdate();
        }
        return new Swept(true, used, limit, decision.mail());
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

    private static void lock(Connection c, String sql, String address) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, address);
            p.executeQuery().close();
        }
    }
}

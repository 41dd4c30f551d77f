package fr.preau.mail.quota;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.preau.shared.Component;
import fr.preau.shared.Repository;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * The rows of the quota sweep (docs/adr/0093): the accounts of a partition, and for a chunk of them, under one lock
 * per account, their state (snapshot of the day, alert state, recovery address, the usage Dovecot cloned into
 * {@code mail_quota_clone}, the quota of their class) read in one query, then the snapshots and alert states written
 * in one statement.
 */
@ApplicationScoped
@Repository
public class QuotaSweepRows {
    @Resource(lookup = "java:jboss/datasources/PreauDS")
    private DataSource database;

    /**
     * Enabled accounts of one partition ({@code id mod partitions = partition}) whose address matches {@code like}
     * (SQL {@code LIKE}; {@code %}: all) and comes after {@code after}, in address order, at most {@code limit}.
     */
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
     * Takes the sweep's lock of each account (a transaction-level advisory lock, in address order so that two runs
     * never wait for each other in a circle), reads their states, lets {@code work} decide (and mail) what to write,
     * writes it and commits. The end of the local transaction releases the locks whatever happens, so nothing of
     * them stays on a connection back in the pool (ADR 0091). Nothing is written when {@code work} throws.
     *
     * @return what {@code work} decided
     */
    public List<QuotaTaken> sweepLocked(List<SweptAccount> accounts, LocalDate day,
            Function<List<QuotaState>, List<QuotaTaken>> work) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c, accounts);
                List<QuotaTaken> taken = work.apply(states(c, accounts, day));
                write(c, taken, day);
                c.commit();
                return taken;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException(Component.DATABASE, e);
        }
    }

    private static void lock(Connection c, List<SweptAccount> accounts) throws SQLException {
        // The aggregate consumes the sorted rows one by one: the locks are taken in address order.
        try (PreparedStatement p = c.prepareStatement("select count(pg_advisory_xact_lock(hashtext('quota-sweep'),"
                + " hashtext(x.address))) from (select unnest(?::text[]) as address order by 1) x")) {
            p.setArray(1, c.createArrayOf("text", accounts.stream().map(SweptAccount::address).toArray()));
            p.executeQuery().close();
        }
    }

    private static List<QuotaState> states(Connection c, List<SweptAccount> accounts, LocalDate day)
            throws SQLException {
        Map<Long, QuotaState> found = new HashMap<>();
        // "Has a mailbox" as mail_server_mailbox says it: enabled, its domain active.
        try (PreparedStatement q = c.prepareStatement("select x.id, coalesce(a.enabled and exists (select 1"
                + " from mail_domain d where d.name = split_part(a.address, '@', 2) and d.active), false),"
                + " exists (select 1 from quota_snapshot s where s.account_id = x.id and s.day = ?),"
                + " coalesce((select threshold from quota_alert where account_id = x.id), 0),"
                + " (select r.address from recovery_address r where r.username = a.username"
                + " and r.verified_at is not null limit 1), k.bytes, coalesce(q.storage_mb, 0)::bigint * 1024"
                + " from unnest(?::bigint[]) as x(id) left join account a on a.id = x.id"
                + " left join quota_class q on q.code = a.quota_class"
                + " left join mail_quota_clone k on k.address = a.address")) {
            q.setDate(1, Date.valueOf(day));
            q.setArray(2, c.createArrayOf("bigint", accounts.stream().map(SweptAccount::id).toArray()));
            Map<Long, SweptAccount> byId = new HashMap<>();
            accounts.forEach(a -> byId.put(a.id(), a));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    found.put(id, new QuotaState(byId.get(id), r.getBoolean(2), r.getBoolean(3), r.getInt(4),
                            r.getString(5), r.getObject(6, Long.class), r.getLong(7)));
                }
            }
        }
        List<QuotaState> states = new ArrayList<>(accounts.size());
        for (SweptAccount a : accounts) {
            states.add(found.get(a.id()));
        }
        return states;
    }

    private static void write(Connection c, List<QuotaTaken> taken, LocalDate day) throws SQLException {
        if (taken.isEmpty()) {
            return;
        }
        try (PreparedStatement w = c.prepareStatement("with v as (select * from unnest(?::bigint[], ?::bigint[],"
                + " ?::bigint[], ?::int[]) as v(account_id, used_kb, limit_kb, state)),"
                + " snapshot as (insert into quota_snapshot (account_id, day, used_kb, limit_kb)"
                + " select account_id, ?, used_kb, limit_kb from v on conflict do nothing returning account_id)"
                + " insert into quota_alert (account_id, threshold, changed_on)"
                + " select v.account_id, v.state, ? from snapshot join v using (account_id)"
                + " on conflict (account_id) do update set threshold = excluded.threshold,"
                + " changed_on = excluded.changed_on where quota_alert.threshold <> excluded.threshold")) {
            w.setArray(1, c.createArrayOf("bigint", taken.stream().map(QuotaTaken::accountId).toArray()));
            w.setArray(2, c.createArrayOf("bigint", taken.stream().map(QuotaTaken::usedKb).toArray()));
            w.setArray(3, c.createArrayOf("bigint", taken.stream().map(QuotaTaken::limitKb).toArray()));
            w.setArray(4, c.createArrayOf("integer", taken.stream().map(QuotaTaken::state).toArray()));
            w.setDate(5, Date.valueOf(day));
            w.setDate(6, Date.valueOf(day));
            w.executeUpdate();
        }
        List<QuotaTaken> read = taken.stream().filter(QuotaTaken::fromMailbox).toList();
        if (read.isEmpty()) {
            return;
        }
        // Read through the port, exact now; Dovecot's own row, written meanwhile, wins; its next change replaces ours.
        try (PreparedStatement w = c.prepareStatement("insert into mail_quota_clone (address, bytes)"
                + " select * from unnest(?::text[], ?::bigint[]) on conflict (address) do nothing")) {
            w.setArray(1, c.createArrayOf("text", read.stream().map(QuotaTaken::address).toArray()));
            w.setArray(2, c.createArrayOf("bigint", read.stream().map(t -> t.usedKb() * 1024).toArray()));
            w.executeUpdate();
        }
    }
}

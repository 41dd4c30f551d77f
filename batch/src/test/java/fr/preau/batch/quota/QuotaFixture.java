package fr.preau.batch.quota;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Accounts, quota classes, recovery addresses and snapshots of the quota sweep tests, inside the server. */
@Stateless
@PermitAll
public class QuotaFixture {
    @PersistenceContext
    private EntityManager em;

    /** A quota class of the tests with this storage limit. */
    public void quotaClass(String code, int storageMb) {
        em.createNativeQuery("insert into quota_class (code, label, storage_mb, attachment_mb) values (?1, ?1, ?2, 10)"
                + " on conflict (code) do update set storage_mb = excluded.storage_mb")
                .setParameter(1, code).setParameter(2, storageMb).executeUpdate();
    }

    /**
     * The account, enabled, in this quota class, with no snapshot, alert, recovery address or usage cloned by
     * Dovecot yet.
     */
    public void account(String username, String address, String quotaClass) {
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?1, ?2, ?1, ?3, true) on conflict (username)"
                + " do update set enabled = true, quota_class = excluded.quota_class")
                .setParameter(1, username).setParameter(2, address).setParameter(3, quotaClass).executeUpdate();
        for (String table : List.of("quota_snapshot", "quota_alert")) {
            em.createNativeQuery("delete from " + table + " where account_id = (select id from account"
                    + " where username = ?1)").setParameter(1, username).executeUpdate();
        }
        em.createNativeQuery("delete from recovery_address where username = ?1").setParameter(1, username)
                .executeUpdate();
        em.createNativeQuery("delete from mail_quota_clone where address = ?1").setParameter(1, address)
                .executeUpdate();
    }

    /** The usage Dovecot cloned for the address: {bytes, messages (-1: unknown)}, or null without a row. */
    public long[] cloned(String address) {
        List<?> rows = em.createNativeQuery("select bytes, coalesce(messages, -1) from mail_quota_clone"
                + " where address = ?1").setParameter(1, address).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    /** Overwrites the cloned storage of the address, as if Dovecot had written it. */
    public void cloneBytes(String address, long bytes) {
        em.createNativeQuery("update mail_quota_clone set bytes = ?2 where address = ?1").setParameter(1, address)
                .setParameter(2, bytes).executeUpdate();
    }

    /** Moves the account to another quota class (Dovecot reads the limit at the next login). */
    public void moveToClass(String username, String quotaClass) {
        em.createNativeQuery("update account set quota_class = ?2 where username = ?1").setParameter(1, username)
                .setParameter(2, quotaClass).executeUpdate();
    }

    /** A verified recovery address of the account. */
    public void recoveryAddress(String username, String address) {
        em.createNativeQuery("insert into recovery_address (username, address, verified_at) values (?1, ?2, now())")
                .setParameter(1, username).setParameter(2, address).executeUpdate();
    }

    /** The account's snapshot of the day: {used, limit} in KiB, or null. */
    public long[] snapshot(String username, LocalDate day) {
        List<?> rows = em.createNativeQuery("select s.used_kb, s.limit_kb from quota_snapshot s join account a"
                + " on a.id = s.account_id where a.username = ?1 and s.day = ?2")
                .setParameter(1, username).setParameter(2, java.sql.Date.valueOf(day)).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    /** How many snapshots the account has. */
    public int snapshots(String username) {
        return ((Number) em.createNativeQuery("select count(*) from quota_snapshot s join account a"
                + " on a.id = s.account_id where a.username = ?1").setParameter(1, username).getSingleResult())
                .intValue();
    }

    /**
     * {@code count} enabled accounts {@code prefix00001} … in class standard (the benchmark's), with no snapshot
     * or alert: account rows only, Dovecot creates each mailbox at its first login. {@link #disable} puts them
     * aside afterwards, so that no other job or test of the stack meets them. With {@code cloned}, each also gets
     * a row of usage cloned by Dovecot (1 MB, 10 messages), as a mailbox changed since quota_clone was enabled
     * would have, so that no mailbox needs to be created; without, they have none.
     */
    public void benchAccounts(String prefix, String domain, int count, boolean cloned) {
        em.createNativeQuery("insert into account (username, address, display_name) select ?1 || lpad(g::text, 5,"
                + " '0'), ?1 || lpad(g::text, 5, '0') || '@' || ?2, 'Banc ' || g from generate_series(1, ?3) g"
                + " on conflict (username) do update set enabled = true").setParameter(1, prefix)
                .setParameter(2, domain).setParameter(3, count).executeUpdate();
        em.createNativeQuery("delete from quota_snapshot where account_id in (select id from account"
                + " where username like ?1)").setParameter(1, prefix + "%").executeUpdate();
        em.createNativeQuery("delete from mail_quota_clone where address like ?1").setParameter(1, prefix + "%")
                .executeUpdate();
        if (cloned) {
            em.createNativeQuery("insert into mail_quota_clone (address, bytes, messages) select address, 1048576, 10"
                    + " from account where username like ?1").setParameter(1, prefix + "%").executeUpdate();
        }
    }

    /** Disables the accounts whose username starts with {@code prefix}. */
    public void disable(String prefix) {
        em.createNativeQuery("update account set enabled = false where username like ?1")
                .setParameter(1, prefix + "%").executeUpdate();
    }
}

package fr.preau.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What the accounts-page tests prepare and read in PostgreSQL, inside the server. */
@Stateless
@PermitAll
public class AccountAdminFixture {
    @PersistenceContext
    private EntityManager em;

    /** Stores an app password as the portal stores one (docs/adr/0070): selector in clear, Dovecot's hash. */
    public void addAppPassword(String address, String selector, String hash) {
        em.createNativeQuery("insert into app_password (account_id, name, selector, hash) select id, 'Téléphone',"
                + " ?1, ?2 from account where address = ?3").setParameter(1, selector).setParameter(2, hash)
                .setParameter(3, address).executeUpdate();
    }

    /** The stored value of an academy setting; null when none is stored (the default applies). */
    public String setting(String name) {
        java.util.List<?> rows = em.createNativeQuery("select value from academy_setting where name = ?1")
                .setParameter(1, name).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Forgets academy settings (their defaults apply again). */
    public void removeSettings(String... names) {
        for (String name : names) {
            em.createNativeQuery("delete from academy_setting where name = ?1").setParameter(1, name).executeUpdate();
        }
    }

    /** Puts an account in a quota class. */
    public void quotaClass(String username, String code) {
        em.createNativeQuery("update account set quota_class = ?2 where username = ?1").setParameter(1, username)
                .setParameter(2, code).executeUpdate();
    }

    /** Gives the account a verified recovery address, as its owner's verification link leaves it. */
    public void verifiedRecoveryAddress(String username, String address) {
        em.createNativeQuery("insert into recovery_address (username, address, verified_at, updated_at)"
                + " values (?1, ?2, now(), now()) on conflict (username) do update set address = excluded.address,"
                + " verified_at = now(), verify_token_hash = null, verify_expires_at = null")
                .setParameter(1, username).setParameter(2, address).executeUpdate();
    }

    /** Sets an academy setting (null: removes it). */
    public void setting(String name, String value) {
        em.createNativeQuery("delete from academy_setting where name = ?1").setParameter(1, name).executeUpdate();
        if (value != null) {
            em.createNativeQuery("insert into academy_setting (name, value) values (?1, ?2)").setParameter(1, name)
                    .setParameter(2, value).executeUpdate();
        }
    }

    /** Entries of the audit log whose detail contains {@code text}. */
    public long auditEntriesContaining(String text) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where strpos(detail, ?1) > 0")
                .setParameter(1, text).getSingleResult()).longValue();
    }

    /** Entries of the audit log about this account with this detail. */
    public long auditEntries(String action, String subject, String detail) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where action = ?1 and subject = ?2"
                + " and detail = ?3").setParameter(1, action).setParameter(2, subject).setParameter(3, detail)
                .getSingleResult()).longValue();
    }
}

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

    /** Whether an account row has this address. */
    public boolean accountExists(String address) {
        return ((Number) em.createNativeQuery("select count(*) from account where address = ?1")
                .setParameter(1, address).getSingleResult()).intValue() > 0;
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

    /** A message of the account scheduled for now (its content does not matter to the sender's decision). */
    public long scheduledNow(String address, String messageId) {
        return ((Number) em.createNativeQuery("insert into scheduled_message (account_id, message_id, due_at, to_text,"
                + " subject, mime) select id, ?2, now(), ?1, 'Planifié', convert_to('Subject: Planifié' || chr(13)"
                + " || chr(10) || chr(13) || chr(10) || 'Bonjour', 'UTF8') from account where address = ?1"
                + " returning id").setParameter(1, address).setParameter(2, messageId).getSingleResult()).longValue();
    }

    /** The scheduled message's state and reason ("state: reason"). */
    public String scheduledState(long id) {
        Object[] row = (Object[]) em.createNativeQuery("select state, coalesce(last_error, '') from scheduled_message"
                + " where id = ?1").setParameter(1, id).getSingleResult();
        return row[0] + ": " + row[1];
    }
}

package fr.preau.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Database side of the list tests: a quota class of a given size for the test account. */
@Stateless
@PermitAll
public class ListFixture {
    @PersistenceContext
    private EntityManager em;

    /** Puts the account in a quota class of {@code megabytes} (created if missing); Dovecot reads it live. */
    public void quota(String username, String code, int megabytes) {
        em.createNativeQuery("insert into quota_class (code, label, storage_mb, attachment_mb) values (?1, ?1, ?2, 10)"
                + " on conflict (code) do update set storage_mb = excluded.storage_mb")
                .setParameter(1, code).setParameter(2, megabytes).executeUpdate();
        em.createNativeQuery("update account set quota_class = ?1 where username = ?2")
                .setParameter(1, code).setParameter(2, username).executeUpdate();
    }

    /**
     * Puts the account in a quota class with this attachment limit (null: the academy's), created or changed; the
     * class of issue 11's quota classes page (docs/adr/0094).
     */
    public void attachmentClass(String username, String code, Integer attachmentMb) {
        em.createNativeQuery("insert into quota_class (code, label, storage_mb, attachment_mb)"
                + " values (?1, ?1, 2048, cast(?2 as integer))"
                + " on conflict (code) do update set attachment_mb = excluded.attachment_mb")
                .setParameter(1, code).setParameter(2, attachmentMb).executeUpdate();
        em.createNativeQuery("update account set quota_class = ?1 where username = ?2")
                .setParameter(1, code).setParameter(2, username).executeUpdate();
    }

    /** Forgets the account's preferences (labels, folder colours). */
    public void clearSettings(String username) {
        em.createNativeQuery("delete from user_setting where account_id = (select id from account where username = ?1)")
                .setParameter(1, username).executeUpdate();
    }

    public void standardQuota(String username) {
        em.createNativeQuery("update account set quota_class = 'standard' where username = ?1")
                .setParameter(1, username).executeUpdate();
    }
}

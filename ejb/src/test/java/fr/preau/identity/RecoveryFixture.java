package fr.preau.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What recovery mail needs on the test stack: a personal mailbox in a second local domain, and a clean limit. */
@Stateless
@PermitAll
public class RecoveryFixture {
    static final String PERSONAL_DOMAIN = "perso-preau.test";

    @PersistenceContext
    private EntityManager em;

    /** Makes {@code personal} a deliverable mailbox of {@value #PERSONAL_DOMAIN}. */
    public void personalMailbox(String username, String personal) {
        em.createNativeQuery("insert into mail_domain (name, active) values (?1, true) on conflict do nothing")
                .setParameter(1, PERSONAL_DOMAIN).executeUpdate();
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?1, ?2, 'Boîte personnelle', 'standard', true) on conflict (username) do nothing")
                .setParameter(1, username).setParameter(2, personal).executeUpdate();
    }

    /** Forgets the verification mails sent to this account's addresses (a run earlier in the hour). */
    public void forgetVerifications(String username) {
        em.createNativeQuery("delete from recovery_verification_sent where username = ?1")
                .setParameter(1, username).executeUpdate();
    }
}

package fr.preau.identity;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What keeps working after a password reset or "Se déconnecter partout" unless revoked too: the account's app
 * passwords (IMAP and SMTP logins, ADR 0070), its pending reset links, and a recovery address still waiting for
 * verification (whoever registered it holds the link). A verified recovery address stays. Runs in the caller's
 * transaction; audited as {@code APP_PASSWORD_REVOKED} when app passwords went.
 */
@ApplicationScoped
public class LeftoverCredentials {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @Inject
    private Event<AuditEvent> audit;

    /** Revokes them for {@code username}; returns the number of app passwords revoked. */
    public int revoke(String username) {
        int passwords = em.createNativeQuery("delete from app_password where account_id in"
                + " (select id from account where username = ?1)").setParameter(1, username).executeUpdate();
        em.createNativeQuery("update recovery_token set used_at = now() where username = ?1 and used_at is null")
                .setParameter(1, username).executeUpdate();
        em.createNativeQuery("delete from recovery_address where username = ?1 and verified_at is null")
                .setParameter(1, username).executeUpdate();
        if (passwords > 0) {
            audit.fire(AuditEvent.of(AuditAction.APP_PASSWORD_REVOKED, username, username, null, true,
                    "all (" + passwords + ")"));
        }
        return passwords;
    }
}

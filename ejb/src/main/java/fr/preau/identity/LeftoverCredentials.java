package fr.preau.identity;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * What keeps working after a password reset or "Se déconnecter partout" unless revoked too: the account's app
 * passwords (IMAP and SMTP logins, ADR 0070), its pending reset links, and a recovery address still waiting for
 * verification (whoever registered it holds the link). A verified recovery address stays. Runs in the caller's
 * transaction; audited as {@code APP_PASSWORD_REVOKED} when app passwords went.
 */
@ApplicationScoped
public class LeftoverCredentials {
    @Inject
    private AppPasswords appPasswords;

    @Inject
    private RecoveryTokens tokens;

    @Inject
    private RecoveryAddresses addresses;

    @Inject
    private Event<AuditEvent> audit;

    /** Revokes them for {@code username}; returns the number of app passwords revoked. */
    public int revoke(String username) {
        int passwords = appPasswords.removeAll(username);
        tokens.useAll(username);
        addresses.removeUnverified(username);
        if (passwords > 0) {
            audit.fire(AuditEvent.of(AuditAction.APP_PASSWORD_REVOKED, username, username, null, true,
                    "all (" + passwords + ")"));
        }
        return passwords;
    }
}

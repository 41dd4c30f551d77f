package fr.preau.identity;

import java.security.Principal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The caller's streak of account-password attempts from mail clients (table {@code mail_password_streak},
 * docs/adr/0082): Dovecot counts each attempt before Keycloak checks it and refuses account passwords from mail
 * clients once the budget ({@code identity.mail-password.max-failures}) is spent, so that mail clients alone never
 * lock the web sign-in. The streak restarts after {@code identity.mail-password.failure-window} (PT12H); both
 * settings are read by the SQL of migration V87, which Dovecot runs. A sign-in to the portal, where Keycloak clears
 * its own count, ends the streak: the mail client then works again with the right password. Always the caller's
 * own account.
 */
@Stateless
@RolesAllowed("user")
public class MailPasswordStreak {
    @Inject
    private MailPasswordStreaks streaks;

    @Resource
    private SessionContext session;

    /** The caller has just signed in to the portal (with Keycloak): their mail clients' streak ends. */
    public void signedIn() {
        Principal principal = session.getCallerPrincipal();
        if (principal == null) {
            return;
        }
        streaks.end(principal.getName());
    }
}

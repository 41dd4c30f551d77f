package fr.preau.identity;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Tells the owner, at their academic address, each time the protection of their account changes (an app password
 * created, the recovery address changed, a second factor added or removed, the password changed): whoever holds a
 * stolen session or a reset link cannot make those changes unseen. Sent once the change has committed, from the
 * recovery sender, by {@link RecoveryMailQueue} (the page does not wait for Postfix); a mail that cannot leave is
 * logged and never undoes the change, which the audit log keeps anyway. Its own transaction (as
 * {@code AuditLog.append}): the change's is over by then.
 */
@Stateless
@PermitAll
public class SecurityChangeNotifier {
    private static final Logger LOG = Logger.getLogger(SecurityChangeNotifier.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm",
            Locale.FRENCH);

    @EJB
    private AccountService accounts;

    @EJB
    private RecoveryMailQueue mailQueue;

    /** Mails the owner about this change, if it is one they are told about. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent event) {
        String what = what(event);
        if (what == null || !event.success() || event.subject() == null) {
            return;
        }
        try {
            Account account = accounts.findEnabled(event.subject()).orElse(null);
            if (account == null) {
                return;
            }
            String when = ZonedDateTime.ofInstant(event.at(), ZoneId.of("Europe/Paris")).format(WHEN);
            mailQueue.send(account.getAddress(), "Sécurité de votre compte : " + what,
                    "Bonjour,\n\nLe " + when + ", sur votre compte de messagerie académique ("
                    + account.getAddress() + ") : " + what + ".\n\nSi c'est vous, il n'y a rien à faire.\n\n"
                    + "Si ce n'est pas vous, changez tout de suite votre mot de passe, puis dans Mon compte › Sécurité"
                    + " choisissez « Se déconnecter partout » en révoquant aussi les mots de passe d'application,"
                    + " et prévenez l'assistance de votre établissement.\n\n"
                    + "(Security of your account: " + event.action() + ". If this was not you, change your password"
                    + " and sign out everywhere.)\n", "Security notification of " + event.action() + " for "
                    + event.subject());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Security notification not sent for " + event.action() + " of " + event.subject(),
                    e);
        }
    }

    /** The change in words, or null when it is not one the owner is told about. */
    static String what(AuditEvent event) {
        String detail = event.detail() == null ? "" : event.detail();
        return switch (event.action()) {
            case APP_PASSWORD_CREATED -> "un mot de passe d'application a été créé (« " + detail + " »)";
            case RECOVERY_ADDRESS_CHANGED -> detail.startsWith("removed") ? "l'adresse de secours a été retirée"
                    : "l'adresse de secours a été changée (" + detail.replaceFirst("^registered ", "") + ")";
            case MFA_CHANGED -> detail.startsWith("removed") ? "un second facteur a été retiré"
                    : "les seconds facteurs ont changé";
            case PASSWORD_CHANGED -> "le mot de passe a été changé";
            default -> null;
        };
    }
}

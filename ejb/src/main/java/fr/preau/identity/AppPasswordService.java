package fr.preau.identity;

import java.security.Principal;
import java.util.List;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The caller's app passwords (mots de passe d'application) for IMAP and SMTP clients: created with a device name
 * and shown once, listed with their creation and last-use dates, revoked. Dovecot reads them from PostgreSQL at
 * every login (no cache), so a revoked one stops working at the next login. Always the caller's own account.
 * Creating and revoking are audited.
 */
@Stateless
@ServiceBoundary
@RolesAllowed("user")
public class AppPasswordService {
    static final int MAX_NAME = 80;
    static final int MAX_PER_ACCOUNT = 20;

    @Inject
    private AppPasswords passwords;

    @Resource
    private SessionContext session;

    @EJB
    private AccountService accounts;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private RecentSignIn recentSignIn;

    /** The caller's app passwords, newest first. */
    public List<AppPassword> list() {
        return passwords.ofAccount(caller().getId());
    }

    /**
     * Creates an app password named after the device.
     *
     * @throws InvalidInputException field {@code name}: {@code apppassword.name.required},
     *         {@code apppassword.name.too-long}, {@code apppassword.name.taken}, {@code apppassword.too-many}
     * @throws fr.preau.shared.ReauthenticationRequiredException the caller's sign-in is not recent
     */
    public NewAppPassword create(String name) {
        recentSignIn.require();
        Account account = caller();
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "apppassword.name.required", null);
        }
        if (clean.length() > MAX_NAME) {
            throw new InvalidInputException("name", "apppassword.name.too-long", String.valueOf(MAX_NAME));
        }
        List<AppPassword> existing = list();
        if (existing.stream().anyMatch(p -> p.getName().equalsIgnoreCase(clean))) {
            throw new InvalidInputException("name", "apppassword.name.taken", clean);
        }
        if (existing.size() >= MAX_PER_ACCOUNT) {
            throw new InvalidInputException("name", "apppassword.too-many", String.valueOf(MAX_PER_ACCOUNT));
        }
        String password;
        do {
            password = AppPasswordSecret.generate();
        } while (passwords.selectorTaken(account.getId(), AppPasswordSecret.selector(password)));
        AppPassword created = new AppPassword(account.getId(), clean, AppPasswordSecret.selector(password),
                AppPasswordSecret.hash(password));
        passwords.add(created);
        audit.fire(AuditEvent.of(AuditAction.APP_PASSWORD_CREATED, account.getUsername(), account.getUsername(),
                null, true, clean));
        return new NewAppPassword(created.getId(), clean, password);
    }

    /**
     * Revokes one of the caller's app passwords: the next login with it fails.
     *
     * @throws NotFoundException {@code apppassword.missing} when the caller has no such app password (already
     *         revoked, or someone else's)
     */
    public void revoke(long id) {
        Account account = caller();
        AppPassword password = passwords.find(id).filter(p -> p.getAccountId().equals(account.getId()))
                .orElseThrow(() -> new NotFoundException("apppassword.missing", String.valueOf(id)));
        passwords.remove(password);
        audit.fire(AuditEvent.of(AuditAction.APP_PASSWORD_REVOKED, account.getUsername(), account.getUsername(),
                null, true, password.getName()));
    }

    private Account caller() {
        Principal principal = session.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        return accounts.findEnabled(name).orElseThrow(() -> new NotFoundException("account.missing",
                String.valueOf(name)));
    }
}

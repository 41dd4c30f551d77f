package fr.preau.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The accounts page (issue 11, item 1; docs/adr/0090-…): search, suspend, reactivate, change the quota class of and
 * rename (docs/adr/0096) the accounts the caller manages ({@link AdministeredAccounts}); creation and provisional
 * passwords are {@link ProvisionalAccountService}'s. The rows are {@link AccountRows}' and {@link AccountRenames}'.
 * Every change is audited ({@link AuditAction#ADMIN_ACTION}, the change in the detail), and a change refused (bad
 * input, another establishment) changes nothing.
 */
@Stateless
@ServiceBoundary
@RolesAllowed({"admin", "etab-admin"})
public class AccountAdministration {
    /** Largest page the accounts page asks for. */
    public static final int MAX_PAGE = 200;
    static final String SUSPENDED = "suspended";
    static final String REACTIVATED = "reactivated";
    static final String RENAMED = "renamed ";
    private static final Logger LOG = Logger.getLogger(AccountAdministration.class.getName());

    @Resource
    private SessionContext context;

    @Inject
    private AccountRows rows;

    @Inject
    private AccountRenames renames;

    @Inject
    private IdentityServer identity;

    @EJB
    private AdministeredAccounts scope;

    @EJB
    private SessionRevocations revocations;

    @EJB
    private AccountService accounts;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    @Inject
    private Event<AuditEvent> audit;

    /** One page of the accounts the caller manages that match, by identifier. */
    public List<AccountRow> search(AccountQuery query, int offset, int limit) {
        return rows.search(query, scope.establishments(), offset, Math.min(MAX_PAGE, limit));
    }

    /** How many accounts the caller manages match. */
    public long count(AccountQuery query) {
        return rows.count(query, scope.establishments());
    }

    /** The establishments the caller may choose, by name. */
    public List<Choice> establishments() {
        Optional<Set<String>> own = scope.establishments();
        return rows.establishments().stream().filter(e -> own.isEmpty() || own.get().contains(e.code())).toList();
    }

    /** The quota classes, by label. */
    public List<Choice> quotaClasses() {
        return rows.quotaClasses();
    }

    /**
     * Suspends an account: its Keycloak user is disabled (no portal sign-in), its sessions end, IMAP, submission and
     * ManageSieve refuse it from the next login (views of migration V90); its mail is still delivered.
     *
     * @throws InvalidInputException already suspended, the caller's own account, outside the caller's scope
     */
    public void suspend(String username) {
        Account account = scope.managed(username, "admin.accounts.administrator");
        if (account.getUsername().equals(caller())) {
            throw new InvalidInputException("username", "admin.accounts.self", account.getUsername());
        }
        if (!suspend(account, caller())) {
            throw new InvalidInputException("username", "admin.accounts.alreadySuspended", account.getUsername());
        }
    }

    /**
     * Suspends an account that signed in nowhere for longer than the academy's inactivity policy, as
     * {@link #suspend} does, with the nightly job {@code actor} as the actor (docs/adr/0095). Only the jobs call it.
     *
     * @return false when the account is gone or already suspended (nothing changed)
     */
    @RolesAllowed("batch")
    public boolean suspendInactive(String username, String actor) {
        return accounts.findEnabled(username).map(account -> suspend(account, actor)).orElse(false);
    }

    /** The suspension itself, for the page and the job: false when the account was already suspended. */
    private boolean suspend(Account account, String actor) {
        if (!rows.suspend(account.getId(), actor)) {
            return false;
        }
        enableInKeycloak(account.getUsername(), false);
        revocations.revoke(identity.endSessions(account.getUsername()));
        endMailSessions(account.getAddress());
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, actor, account.getUsername(), null, true, SUSPENDED));
        return true;
    }

    /**
     * Dovecot closes the IMAP and ManageSieve sessions still open (doveadm kick, docs/adr/0095). A store that does
     * not answer has no session to close: the suspension stands, and new logins are refused anyway.
     */
    private void endMailSessions(String address) {
        access.forAdministration(address).ifPresent(this::endMailSessions);
    }

    private void endMailSessions(MailboxContext ctx) {
        try {
            mailbox.endSessions(ctx);
        } catch (ServiceUnavailableException e) {
            LOG.log(Level.WARNING, "open mail sessions of " + ctx.owner().address() + " not ended", e);
        }
    }

    /** Lets a suspended account sign in again, with the password it had. */
    public void reactivate(String username) {
        Account account = scope.managed(username, "admin.accounts.administrator");
        if (!rows.reactivate(account.getId())) {
            throw new InvalidInputException("username", "admin.accounts.notSuspended", account.getUsername());
        }
        enableInKeycloak(account.getUsername(), true);
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), account.getUsername(), null, true,
                REACTIVATED));
    }

    /**
     * Gives an account another quota class: Dovecot reads the storage quota from PostgreSQL at each login (view
     * mail_server_userdb), compose the attachment limit at each send.
     */
    public void changeQuotaClass(String username, String quotaClass) {
        Account account = scope.managed(username, "admin.accounts.administrator");
        String code = quotaClass == null ? "" : quotaClass.trim().toLowerCase(Locale.ROOT);
        scope.checkQuotaClass(code);
        if (code.equals(account.getQuotaClass())) {
            return;
        }
        rows.changeQuotaClass(account.getId(), code);
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), account.getUsername(), null, true,
                "quota class " + account.getQuotaClass() + " -> " + code));
    }

    /**
     * What renaming an account to these names gives, for the administrator to confirm (docs/adr/0096): the
     * identifier made from the names as at creation ({@link AccountIdentifier}), the first of {@code prenom.nom},
     * {@code prenom.nom2} … never given, in the account's domain. Names that give the account's own identifier
     * again (an accent corrected) change only the name shown.
     *
     * @throws InvalidInputException a name missing, too long or without a letter; the same name; the caller's own
     *     account; outside the caller's scope
     */
    public AccountRename previewRename(String username, String firstName, String lastName) {
        return renaming(scope.managed(username, "admin.accounts.administrator"), firstName, lastName);
    }

    /**
     * Renames an account as {@link #previewRename} showed it. Its mailbox, password, second factors, app passwords,
     * preferences, signatures, scheduled sends, audit and search index stay (rows keyed by the account id, a
     * mailbox folder that does not move); the old address becomes an alias that still receives mail and may still
     * be sent from; the old identifier signs in nowhere any more; Keycloak's user gets the new username, e-mail
     * and names; every session ends (portal, IMAP, ManageSieve), the person signs in again with the new identifier
     * and the same password.
     *
     * @param confirmedUsername the new identifier the administrator confirmed: when the names now give another one
     *     (taken meanwhile), nothing changes and the rename is to be confirmed again
     * @throws InvalidInputException as {@link #previewRename}, or the identifier changed since it was shown
     */
    public AccountRename rename(String username, String firstName, String lastName, String confirmedUsername) {
        Account account = scope.managed(username, "admin.accounts.administrator");
        AccountRename rename = renaming(account, firstName, lastName);
        String confirmed = confirmedUsername == null ? "" : confirmedUsername.trim().toLowerCase(Locale.ROOT);
        if (!rename.newUsername().equals(confirmed)) {
            throw new InvalidInputException("lastName", "admin.accounts.rename.changed", rename.newUsername());
        }
        if (!rename.changesIdentifier()) {
            renames.changeDisplayName(account.getId(), rename.displayName());
            renameInKeycloak(account.getUsername(), rename, firstName, lastName);
            audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), account.getUsername(), null, true,
                    "name " + account.getDisplayName() + " -> " + rename.displayName()));
            return rename;
        }
        // Looked up before the row changes: the open IMAP sessions are under the old address.
        Optional<MailboxContext> oldMailbox = access.forAdministration(account.getAddress());
        renames.rename(account.getId(), account.getAddress(), rename.newUsername(), rename.newAddress(),
                rename.displayName());
        renameInKeycloak(account.getUsername(), rename, firstName, lastName);
        // Keycloak has the new identity: from here on nothing may roll the rows back, or the doors would find a
        // Keycloak user that no account row names. Sessions a silent Keycloak could not end expire on their own.
        try {
            revocations.revoke(identity.endSessions(rename.newUsername()));
        } catch (ServiceUnavailableException e) {
            LOG.log(Level.WARNING, "sessions of " + rename.newUsername() + " not ended after the rename", e);
        }
        oldMailbox.ifPresent(this::endMailSessions);
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), rename.newUsername(), null, true,
                RENAMED + account.getUsername() + " -> " + rename.newUsername()));
        return rename;
    }

    private AccountRename renaming(Account account, String firstName, String lastName) {
        if (account.getUsername().equals(caller())) {
            throw new InvalidInputException("username", "admin.accounts.rename.self", account.getUsername());
        }
        AccountIdentifier.checkNames(firstName, lastName);
        String base = AccountIdentifier.base(firstName, lastName);
        if (base.isEmpty()) {
            throw new InvalidInputException("lastName", "identity.name.invalid", lastName);
        }
        String displayName = firstName.trim() + " " + lastName.trim();
        String oldUsername = account.getUsername();
        String oldAddress = account.getAddress();
        if (AccountIdentifier.isOf(oldUsername, base)) {
            if (displayName.equals(account.getDisplayName())) {
                throw new InvalidInputException("lastName", "admin.accounts.rename.unchanged", oldUsername);
            }
            return new AccountRename(oldUsername, oldAddress, oldUsername, oldAddress, displayName);
        }
        String domain = oldAddress.substring(oldAddress.indexOf('@') + 1);
        String name = AccountIdentifier.firstFree(base, candidate -> rows.given(candidate, candidate + "@" + domain)
                || identity.findUser(candidate).isPresent());
        return new AccountRename(oldUsername, oldAddress, name, name + "@" + domain, displayName);
    }

    /** Keycloak's user takes the new username, e-mail (the identity every door checks, ADR 0080) and names. */
    private void renameInKeycloak(String username, AccountRename rename, String firstName, String lastName) {
        try {
            identity.run(() -> {
                var resource = identity.userResource(username);
                UserRepresentation user = resource.toRepresentation();
                user.setUsername(rename.newUsername());
                user.setEmail(rename.newAddress());
                user.setEmailVerified(true);
                user.setFirstName(firstName.trim());
                user.setLastName(lastName.trim());
                resource.update(user);
            });
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 409) {
                throw new InvalidInputException("lastName", "identity.username.taken", rename.newUsername());
            }
            throw e;
        }
    }

    private void enableInKeycloak(String username, boolean enabled) {
        identity.run(() -> {
            var resource = identity.userResource(username);
            UserRepresentation user = resource.toRepresentation();
            user.setEnabled(enabled);
            resource.update(user);
        });
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}

package fr.preau.mail;

import java.security.Principal;
import java.util.Optional;
import java.util.logging.Logger;

import fr.preau.shared.RequestMemo;
import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Decides which mailbox the caller may reach, and the only place that makes a {@link MailboxContext} (docs/adr/0085).
 * For the pages the caller comes from the container (the signed-in user), never from a parameter, so no page can ask
 * for someone else's mailbox; delegated mailboxes will be granted here too. Background jobs ({@link #forJob}) and the
 * portal's own mail ({@link #system}) get their contexts here as well; pages never call those two (the web module's
 * ArchitectureTest says so).
 */
@Stateless
@RolesAllowed("user")
public class MailboxAccess {
    private static final Logger LOG = Logger.getLogger(MailboxAccess.class.getName());

    @Resource
    private SessionContext session;

    @EJB
    private AccountService accounts;

    @Inject
    private RequestMemo memo;

    /**
     * The caller's own mailbox.
     *
     * @throws NotFoundException {@code account.missing} when the signed-in identity has no enabled account
     */
    public MailboxContext own() {
        Principal caller = session.getCallerPrincipal();
        String name = caller == null ? null : caller.getName();
        return RequestMemo.remembered(memo, "mailbox.own:" + name, () -> lookUp(name));
    }

    private MailboxContext lookUp(String name) {
        Account account = accounts.findEnabled(name).orElseThrow(() -> {
            LOG.warning("Signed-in identity '" + name + "' has no enabled account: no mailbox");
            return new NotFoundException("account.missing", String.valueOf(name));
        });
        MailAddress address = new MailAddress(account.getAddress(), account.getDisplayName());
        return new MailboxContext(address, address, MailboxContext.Kind.USER, account.getId());
    }

    /**
     * A background job acting for the enabled account of this address (no one is signed in: the account is actor and
     * owner); empty when there is none. Only the jobs' services call it (ArchitectureTest; ADR 0092).
     */
    @PermitAll
    public Optional<MailboxContext> forJob(String address) {
        return asAccount(address);
    }

    /**
     * The mailbox of an account that an administrator (or the job password-expiry) suspends, to end its sessions
     * (docs/adr/0095); the administration services check first that the caller manages that account.
     */
    @RolesAllowed({"admin", "etab-admin", "batch"})
    public Optional<MailboxContext> forAdministration(String address) {
        return asAccount(address);
    }

    /**
     * The mailbox of an owner whose folders a delegation opens or closes to a delegate (docs/adr/0103): the registry
     * of {@code fr.preau.delegation} asks for it after checking that the caller is a party to that delegation, or as
     * the nightly job delegation-expiry (ArchitectureTest: no one else). Empty when the owner's account is disabled.
     */
    @RolesAllowed({"user", "batch"})
    public Optional<MailboxContext> forDelegation(String ownerAddress) {
        return asAccount(ownerAddress);
    }

    private Optional<MailboxContext> asAccount(String address) {
        return accounts.findEnabled(address).filter(a -> a.getAddress().equalsIgnoreCase(address)).map(account -> {
            MailAddress owner = new MailAddress(account.getAddress(), account.getDisplayName());
            return new MailboxContext(owner, owner, MailboxContext.Kind.JOB, account.getId());
        });
    }

    /** The portal's own mail, sent from or kept in a system address (no account behind it). */
    @PermitAll
    public MailboxContext system(MailAddress address) {
        return new MailboxContext(address, address, MailboxContext.Kind.SYSTEM, null);
    }
}

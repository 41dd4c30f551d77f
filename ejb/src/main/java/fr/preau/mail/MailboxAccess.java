package fr.preau.mail;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import fr.preau.shared.RequestMemo;
import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.Delegations;
import fr.preau.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Decides which mailbox the caller may reach, and the only place that makes a {@link MailboxContext} (docs/adr/0085).
 * For the pages the caller comes from the container (the signed-in user), never from a parameter, so no page can ask
 * for someone else's mailbox; Background jobs ({@link #forJob}) and the
 * portal's own mail ({@link #system}) get their contexts here as well; pages never call those two (the web module's
 * ArchitectureTest says so). A delegate's context in an owner's mailbox is made here too ({@link #current}), after
 * the one permission check of {@link Delegations}.
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

    @Inject
    private MailboxSelection selection;

    @Inject
    private BeanManager beans;

    @EJB
    private Delegations delegations;

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

    /**
     * The mailbox the mail view works in (docs/adr/0104): the caller's own, or the one of an owner the caller chose
     * ({@link #select}) while a delegation with access to the mail holds, checked again here at every request (its
     * end date against the clock). The services of the mail view (folders, list, reading, actions, compose) ask
     * here; personal things (settings, signatures, receipts, scheduled sends, large files, export) stay
     * {@link #own}.
     *
     * @throws NotFoundException {@code mail.delegate.gone} when the chosen delegation no longer holds: the choice is
     *     forgotten, the next request is in the caller's own mailbox
     */
    public MailboxContext current() {
        MailboxContext mine = own();
        String chosen = inWebSession() ? selection.owner(mine.actor().address()) : null;
        if (chosen == null) {
            return mine;
        }
        // Not remembered for the request, unlike own(): the delegation is asked again at every call (one query).
        return delegated(mine, chosen);
    }

    /**
     * {@link #current} for a change to messages (flag, label, move, delete, archive, empty the bin): refused unless
     * it is one's own mailbox or the delegation gives *lecture et classement*.
     *
     * @throws NotFoundException {@code mail.delegate.refused} when the delegation does not allow it: nothing changes
     */
    public MailboxContext currentToFile() {
        MailboxContext ctx = current();
        return allowed(ctx, ctx.rights().file());
    }

    /**
     * {@link #current} for sending: refused unless it is one's own mailbox or the delegation gives *envoi de la part
     * de* (the owner in From, the caller in Sender).
     *
     * @throws NotFoundException {@code mail.delegate.refused} when the delegation does not allow it: nothing is sent
     */
    public MailboxContext currentToSend() {
        MailboxContext ctx = current();
        return allowed(ctx, ctx.rights().send());
    }

    /**
     * {@link #current} for a change to the folder tree (create, rename, move, delete a folder): one's own mailbox
     * only, the owner's tree stays the owner's (no IMAP right {@code k} or {@code x} is ever given, ADR 0103).
     *
     * @throws NotFoundException {@code mail.delegate.refused} in someone else's mailbox
     */
    public MailboxContext currentForFolders() {
        MailboxContext ctx = current();
        return allowed(ctx, !ctx.delegated());
    }

    /**
     * Whether the call belongs to a web session (a page, its servlets): the choice of mailbox lives there. A call from
     * another thread of the same user (an asynchronous task, a test's executor) has none and works in one's own.
     */
    private boolean inWebSession() {
        try {
            return beans.getContext(SessionScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private static MailboxContext allowed(MailboxContext ctx, boolean allowed) {
        if (!allowed) {
            LOG.info(ctx.actor().address() + " refused an action their delegation on " + ctx.owner().address()
                    + " does not allow");
            throw new NotFoundException("mail.delegate.refused", ctx.owner().address());
        }
        return ctx;
    }

    /**
     * Works in the mailbox of {@code owner} (an address) from now on in this session, or in one's own with null.
     *
     * @throws NotFoundException {@code mail.delegate.gone} when the caller holds no delegation in force with access
     *     to that mailbox (the same answer for a mailbox that does not exist): the caller stays in their own
     */
    public MailboxContext select(String owner) {
        MailboxContext mine = own();
        selection.choose(mine.actor().address(), null);
        if (owner == null || owner.isBlank() || owner.strip().equalsIgnoreCase(mine.owner().address())) {
            return mine;
        }
        MailboxContext ctx = delegated(mine, owner.strip());
        selection.choose(mine.actor().address(), ctx.owner().address());
        return ctx;
    }

    /** The mailboxes of other people the caller may switch to now (an accepted delegation in force, mail access). */
    public List<MailAddress> delegatedMailboxes() {
        return delegations.inForceFor(own().actor().address()).stream().filter(d -> d.rights().mayRead())
                .map(d -> new MailAddress(d.ownerAddress(), d.ownerName())).toList();
    }

    private MailboxContext delegated(MailboxContext mine, String ownerAddress) {
        Optional<DelegationRights> rights = delegations.rights(mine.actor().address(), ownerAddress)
                .filter(DelegationRights::mayRead);
        Optional<Account> owner = accounts.findEnabled(ownerAddress)
                .filter(a -> a.getAddress().equalsIgnoreCase(ownerAddress));
        if (rights.isEmpty() || owner.isEmpty()) {
            selection.choose(mine.actor().address(), null);
            LOG.info(mine.actor().address() + " holds no delegation in force on " + ownerAddress
                    + ": back to their own mailbox");
            throw new NotFoundException("mail.delegate.gone", ownerAddress);
        }
        Account account = owner.get();
        DelegationRights r = rights.get();
        MailAddress address = new MailAddress(account.getAddress(), account.getDisplayName());
        return new MailboxContext(mine.actor(), address, MailboxContext.Kind.DELEGATE, account.getId(),
                new MailboxContext.Rights(r.mayFile(), r.sendOnBehalf()));
    }

    private MailboxContext lookUp(String name) {
        Account account = accounts.findEnabled(name).orElseThrow(() -> {
            LOG.warning("Signed-in identity '" + name + "' has no enabled account: no mailbox");
            return new NotFoundException("account.missing", String.valueOf(name));
        });
        MailAddress address = new MailAddress(account.getAddress(), account.getDisplayName());
        return new MailboxContext(address, address, MailboxContext.Kind.USER, account.getId(), null);
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
            return new MailboxContext(owner, owner, MailboxContext.Kind.JOB, account.getId(), null);
        });
    }

    /** The portal's own mail, sent from or kept in a system address (no account behind it). */
    @PermitAll
    public MailboxContext system(MailAddress address) {
        return new MailboxContext(address, address, MailboxContext.Kind.SYSTEM, null, null);
    }
}

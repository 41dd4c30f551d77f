package fr.preau.mail;

import java.security.Principal;
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
 * Decides which mailbox the caller may reach. The caller comes from the container (the signed-in user), never from
 * a parameter, so no page can ask for someone else's mailbox. Delegated mailboxes will be granted here too.
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

    /**
     * The mailbox of an account for a nightly job acting on its behalf (no one is signed in): the account is actor
     * and owner. Only the jobs' services call it (ADR 0092).
     *
     * @throws NotFoundException {@code account.missing} when the account is gone or disabled
     */
    @PermitAll
    public MailboxContext forJob(String address) {
        return lookUp(address);
    }

    private MailboxContext lookUp(String name) {
        Account account = accounts.findEnabled(name).orElseThrow(() -> {
            LOG.warning("Signed-in identity '" + name + "' has no enabled account: no mailbox");
            return new NotFoundException("account.missing", String.valueOf(name));
        });
        MailAddress address = new MailAddress(account.getAddress(), account.getDisplayName());
        return new MailboxContext(address, address);
    }
}

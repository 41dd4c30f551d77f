package fr.preau.mail;

import java.security.Principal;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/**
 * Decides which mailbox the caller may reach. The caller comes from the container (the signed-in user), never from
 * a parameter, so no page can ask for someone else's mailbox. Delegated mailboxes will be granted here too.
 */
@Stateless
public class MailboxAccess {
    @Resource
    private SessionContext session;

    @EJB
    private AccountService accounts;

    /**
     * The caller's own mailbox.
     *
     * @throws NotFoundException {@code account.missing} when the signed-in identity has no enabled account
     */
    public MailboxContext own() {
        Principal caller = session.getCallerPrincipal();
        String name = caller == null ? null : caller.getName();
        Account account = accounts.findEnabled(name)
                .orElseThrow(() -> new NotFoundException("account.missing", String.valueOf(name)));
        MailAddress address = new MailAddress(account.getAddress(), account.getDisplayName());
        return new MailboxContext(address, address);
    }
}

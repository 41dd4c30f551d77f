package fr.preau.delegation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The one answer to "may this person act for that mailbox's owner, and with which rights" (DLG-3; docs/adr/0103):
 * every mail service, and the agenda to come, asks here before it reaches a mailbox other than the caller's own
 * (through {@code MailboxAccess}, which makes the context). Only an accepted delegation counts, and only before its
 * end, checked against the clock at every call, whether or not the nightly job delegation-expiry has run yet. The
 * mail and submission servers enforce the same rights again for every client (IMAP ACLs, Postfix's sender map).
 */
@Stateless
@RolesAllowed({"user", "batch"})
@ServiceBoundary
public class Delegations {
    @Inject
    private DelegationRows rows;

    @EJB
    private AccountService accounts;

    private Clock clock = Clock.systemUTC();

    /**
     * The rights {@code actor} holds on the mailbox of {@code owner} now (identifiers or addresses of enabled
     * accounts); empty when there is no accepted delegation in force, when either account is disabled or unknown,
     * and when both are the same person (one's own mailbox is not a delegation).
     */
    public Optional<DelegationRights> rights(String actor, String owner) {
        Optional<Account> a = accounts.findEnabled(actor);
        Optional<Account> o = accounts.findEnabled(owner);
        if (a.isEmpty() || o.isEmpty() || a.get().getId().equals(o.get().getId())) {
            return Optional.empty();
        }
        return rows.active(o.get().getId(), a.get().getId()).filter(d -> d.inForceAt(clock.instant()))
                .map(Delegation::rights);
    }

    /**
     * The accepted delegations in force now that {@code actor} (identifier or address of an enabled account) holds
     * on other people's mailboxes, newest first: the mailboxes the mail view offers to switch to (docs/adr/0104).
     */
    public List<Delegation> inForceFor(String actor) {
        Optional<Account> a = accounts.findEnabled(actor);
        if (a.isEmpty()) {
            return List.of();
        }
        return rows.receivedBy(a.get().getId()).stream().filter(d -> d.inForceAt(clock.instant()))
                .filter(d -> accounts.findEnabled(d.ownerUsername()).isPresent()).toList();
    }

    void clock(Clock value) {
        clock = value;
    }
}

package fr.preau.delegation.registry;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.DelegationRows;
import fr.preau.delegation.DelegationStatus;
import fr.preau.identity.RecoveryMailQueue;
import fr.preau.mail.FolderRights;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.shared.Deployment;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Delegations as their two parties handle them (DLG-1, DLG-2, DLG-4; docs/adr/0103). The owner grants one to a
 * colleague (an enabled account other than their own); the delegate gets a mail and sees it on the page
 * "Délégations"; nothing is open before the delegate accepts. Acceptance gives the delegate the IMAP rights of the
 * mail access on every folder of the owner's mailbox ({@link Mailbox#share}); a refusal, an end by either side or
 * the nightly job past the end date takes them back ({@link Mailbox#unshare}). Only the two parties see or touch a
 * delegation: an id of anyone else's gets the same {@link NotFoundException} as an id that does not exist, and
 * changes nothing. Every step is audited with both identities: the actor is who acted, the subject the owner.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class DelegationRegistry {
    private static final Logger LOG = Logger.getLogger(DelegationRegistry.class.getName());
    /** The longest colleague's identifier or address accepted. */
    static final int MAX_TYPED = 254;

    @Inject
    private DelegationRows rows;

    @EJB
    private AccountService accounts;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    @EJB
    private RecoveryMailQueue notices;

    @Inject
    private Event<AuditEvent> audit;

    @Resource
    private SessionContext session;

    private Clock clock = Clock.systemUTC();

    /** The open (pending or active) delegations the caller gave, newest first. */
    public List<Delegation> given() {
        return rows.givenBy(me().getId());
    }

    /** The open delegations the caller received, newest first: those to answer, and those in force. */
    public List<Delegation> received() {
        return rows.receivedBy(me().getId());
    }

    /**
     * Grants a delegation of the caller's mailbox to {@code colleague} (an identifier or an address, as the directory
     * gives it), pending until they accept it, and mails them.
     *
     * @param until the last day it holds (included, Europe/Paris); null: until someone ends it
     * @throws InvalidInputException nothing granted: field {@code colleague} ({@code delegation.colleague.required},
     *     {@code .unknown} for no enabled account, {@code .self}, {@code .already} when an open delegation to them
     *     exists), {@code rights} ({@code delegation.rights.none}) or {@code until} ({@code delegation.until.past})
     */
    public Delegation grant(String colleague, DelegationRights rights, LocalDate until) {
        Account owner = me();
        String typed = colleague == null ? "" : colleague.trim();
        if (typed.isEmpty()) {
            throw new InvalidInputException("colleague", "delegation.colleague.required", null);
        }
        if (typed.length() > MAX_TYPED) {
            throw new InvalidInputException("colleague", "delegation.colleague.unknown", typed.substring(0, 40));
        }
        Account delegate = accounts.findEnabled(typed)
                .orElseThrow(() -> new InvalidInputException("colleague", "delegation.colleague.unknown", typed));
        if (delegate.getId().equals(owner.getId())) {
            throw new InvalidInputException("colleague", "delegation.colleague.self", null);
        }
        DelegationRights checked = DelegationTerms.checked(rights);
        Instant now = clock.instant();
        Instant endsAt = DelegationTerms.endsAt(until, now);
        if (rows.openBetween(owner.getId(), delegate.getId())) {
            throw new InvalidInputException("colleague", "delegation.colleague.already", delegate.getDisplayName());
        }
        long id = rows.insert(owner.getId(), delegate.getId(), checked, endsAt, caller(), now,
                delegate.getAddress());
        Delegation d = rows.one(id).orElseThrow();
        audited(AuditAction.DELEGATION_GRANTED, d, null);
        notices.send(d.delegateAddress(), DelegationNotice.subject(d), DelegationNotice.text(d,
                Deployment.portalUrl()), "Delegation notice " + id);
        return d;
    }

    /**
     * The delegate accepts a pending delegation: from now on it is in force, and the delegate's mail clients see the
     * owner's folders with the rights granted.
     *
     * @throws NotFoundException {@code delegation.missing}: no pending delegation {@code id} to the caller
     * @throws InvalidInputException {@code delegation.expired}: its end date has passed (it is not accepted)
     * @throws fr.preau.shared.ServiceUnavailableException the mail store did not answer; nothing accepted
     */
    public Delegation accept(long id) {
        Account me = me();
        Delegation d = rows.locked(id).filter(x -> x.delegateAccount() == me.getId()
                && x.status() == DelegationStatus.PENDING).orElseThrow(() -> missing(id));
        Instant now = clock.instant();
        if (d.expiredAt(now)) {
            throw new InvalidInputException(null, "delegation.expired", null);
        }
        rows.accept(id, now);
        FolderRights folders = DelegationTerms.folderRights(d.rights().mail());
        if (folders != null) {
            MailboxContext owner = ownersMailbox(d).orElseThrow(() -> missing(id));
            try {
                mailbox.share(owner, d.aclIdentifier(), folders);
            } catch (RuntimeException e) {
                takeBack(owner, d);
                throw e;
            }
        }
        audited(AuditAction.DELEGATION_ACCEPTED, d, null);
        return rows.one(id).orElseThrow();
    }

    /**
     * The delegate refuses a pending delegation; nothing was ever open.
     *
     * @throws NotFoundException {@code delegation.missing}: no pending delegation {@code id} to the caller
     */
    public void refuse(long id) {
        Account me = me();
        Delegation d = rows.locked(id).filter(x -> x.delegateAccount() == me.getId()
                && x.status() == DelegationStatus.PENDING).orElseThrow(() -> missing(id));
        rows.close(id, DelegationStatus.REFUSED, clock.instant(), caller());
        audited(AuditAction.DELEGATION_REFUSED, d, null);
    }

    /**
     * Either party ends an open delegation at once; the delegate's rights on the owner's folders are taken back.
     *
     * @throws NotFoundException {@code delegation.missing}: no open delegation {@code id} the caller is a party to
     * @throws fr.preau.shared.ServiceUnavailableException the mail store did not answer; nothing ended
     */
    public void end(long id) {
        Account me = me();
        Delegation d = rows.locked(id).filter(x -> x.status().open()
                && (x.ownerAccount() == me.getId() || x.delegateAccount() == me.getId()))
                .orElseThrow(() -> missing(id));
        close(d, caller());
    }

    /**
     * The owner changes the rights or the end of an open delegation; an active one's folder rights follow at once.
     *
     * @throws NotFoundException {@code delegation.missing}: no open delegation {@code id} of the caller's mailbox
     * @throws InvalidInputException as for {@link #grant} (fields {@code rights}, {@code until}); nothing changed
     */
    public Delegation change(long id, DelegationRights rights, LocalDate until) {
        Account me = me();
        Delegation d = rows.locked(id).filter(x -> x.status().open() && x.ownerAccount() == me.getId())
                .orElseThrow(() -> missing(id));
        DelegationRights checked = DelegationTerms.checked(rights);
        Instant endsAt = DelegationTerms.endsAt(until, clock.instant());
        rows.change(id, checked, endsAt);
        if (d.status() == DelegationStatus.ACTIVE && d.rights().mail() != checked.mail()) {
            MailboxContext owner = ownersMailbox(d).orElseThrow(() -> missing(id));
            FolderRights folders = DelegationTerms.folderRights(checked.mail());
            if (folders == null) {
                mailbox.unshare(owner, d.aclIdentifier());
            } else {
                mailbox.share(owner, d.aclIdentifier(), folders);
            }
        }
        Delegation changed = rows.one(id).orElseThrow();
        audited(AuditAction.DELEGATION_CHANGED, changed, "was " + d.rights().describe());
        return changed;
    }

    /**
     * Ids of open delegations past their end at {@code now}, after {@code after} in id order (the nightly job
     * delegation-expiry pages through them).
     */
    @RolesAllowed("batch")
    public List<Long> pastTheirEnd(Instant now, long after, int limit) {
        return rows.pastTheirEnd(now, after, limit);
    }

    /**
     * Ends delegation {@code id} if it is still open and past its end at {@code now}, taking the folder rights back;
     * in its own transaction, so a job stopped or killed half-way keeps what it did, and a second run finds nothing
     * to do. Returns whether it ended it.
     */
    @RolesAllowed("batch")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(long id, Instant now) {
        Optional<Delegation> d = rows.locked(id).filter(x -> x.status().open() && x.expiredAt(now));
        d.ifPresent(x -> close(x, null));
        return d.isPresent();
    }

    private void close(Delegation d, String by) {
        if (d.status() == DelegationStatus.ACTIVE && d.rights().mayRead()) {
            Optional<MailboxContext> owner = ownersMailbox(d);
            if (owner.isPresent()) {
                mailbox.unshare(owner.get(), d.aclIdentifier());
            } else {
                LOG.warning("Delegation " + d.id() + " ended while its owner's account is disabled: the rights of "
                        + d.aclIdentifier() + " stay on the folders of " + d.ownerAddress());
            }
        }
        rows.close(d.id(), DelegationStatus.ENDED, clock.instant(), by);
        audited(AuditAction.DELEGATION_ENDED, d, by == null ? "end date passed" : null);
    }

    /** After a failed share: rights given to some folders before the failure are taken back, if the store lets us. */
    private void takeBack(MailboxContext owner, Delegation d) {
        try {
            mailbox.unshare(owner, d.aclIdentifier());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rights of " + d.aclIdentifier() + " on " + d.ownerAddress()
                    + " not taken back after a failed acceptance", e);
        }
    }

    private Optional<MailboxContext> ownersMailbox(Delegation d) {
        return access.forDelegation(d.ownerAddress());
    }

    private void audited(AuditAction action, Delegation d, String more) {
        String until = d.endsAt() == null ? "" : " until=" + DelegationTerms.lastDay(d.endsAt());
        audit.fire(AuditEvent.of(action, callerOrNull(), d.ownerUsername(), null, true, "delegation " + d.id()
                + " delegate=" + d.delegateUsername() + " " + d.rights().describe() + until
                + (more == null ? "" : " (" + more + ")")));
    }

    private Account me() {
        return accounts.findEnabled(caller()).orElseThrow(() -> new NotFoundException("account.missing", caller()));
    }

    private String caller() {
        Principal p = session.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    /** The signed-in user; null for the nightly job (run as {@code batch}, no one signed in). */
    private String callerOrNull() {
        return session.isCallerInRole("user") ? caller() : null;
    }

    private static NotFoundException missing(long id) {
        return new NotFoundException("delegation.missing", String.valueOf(id));
    }

    void clock(Clock value) {
        clock = value;
    }
}

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
import fr.preau.audit.AuditLog;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.DelegationRows;
import fr.preau.delegation.DelegationStatus;
import fr.preau.delegation.registry.DelegationNotice.Closing;
import fr.preau.identity.FunctionalMailboxService;
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
 * changes nothing. Every step is audited with both identities: the actor is who acted, the subject the owner; the
 * other party is mailed when one side refuses or ends it, and both when the nightly job ends it. Functional mailboxes
 * of establishments (docs/adr/0105) are delegated by the establishment's administrators, in force at once, and end
 * when the delegate leaves the establishment.
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

    @EJB
    private FunctionalMailboxService functional;

    @Inject
    private Event<AuditEvent> audit;

    @EJB
    private AuditLog auditLog;

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
        Account delegate = colleague(colleague);
        if (delegate.getId().equals(owner.getId())) {
            throw new InvalidInputException("colleague", "delegation.colleague.self", null);
        }
        long id = inserted(owner, delegate, rights, until, clock.instant());
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
        shareFolders(d);
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
        closedNotice(d, Closing.REFUSED, d.ownerAddress());
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
        boolean owner = d.ownerAccount() == me.getId();
        close(d, caller(), null);
        closedNotice(d, owner ? Closing.BY_OWNER : Closing.BY_DELEGATE, owner ? d.delegateAddress()
                : d.ownerAddress());
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
        audited(AuditAction.DELEGATION_CHANGED, changed, "was " + d.rights().describe() + (d.endsAt() == null
                ? " no end" : " until=" + DelegationTerms.lastDay(d.endsAt())));
        return changed;
    }

    /**
     * Ids of open delegations to end at {@code now}, after {@code after} in id order (the nightly job
     * delegation-expiry pages through them): past their end, or of a functional mailbox whose delegate has left its
     * establishment.
     */
    @RolesAllowed("batch")
    public List<Long> toEnd(Instant now, long after, int limit) {
        return rows.toEnd(now, after, limit);
    }

    /**
     * Ends delegation {@code id} if it is still open and past its end at {@code now}, or of a functional mailbox whose
     * delegate has left its establishment, taking the folder rights back and mailing both parties; in its own
     * transaction, so a job stopped or killed half-way keeps what it did, and a second run finds nothing to do.
     * Returns whether it ended it.
     */
    @RolesAllowed("batch")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(long id, Instant now) {
        Optional<Delegation> open = rows.locked(id).filter(x -> x.status().open());
        if (open.isEmpty()) {
            return false;
        }
        Delegation d = open.get();
        Closing why = d.expiredAt(now) ? Closing.EXPIRED : rows.departed(id) ? Closing.LEFT : null;
        if (why == null) {
            return false;
        }
        close(d, null, why == Closing.EXPIRED ? "end date passed" : "delegate left the establishment");
        closedNotice(d, why, d.delegateAddress());
        closedNotice(d, why, d.ownerAddress());
        return true;
    }

    /**
     * An administrator of its establishment ({@code admin}, or {@code etab-admin} of it) opens the functional
     * mailbox {@code functionalAddress} to {@code colleague}, a member of that establishment's staff: in force at
     * once (the owner is the establishment, whose administrator decides; docs/adr/0105), the IMAP rights set, the
     * colleague mailed; audited with the administrator as actor and the functional mailbox as subject.
     *
     * @throws NotFoundException {@code admin.functional.missing}: no such functional mailbox in the caller's
     *     establishments; nothing changed
     * @throws InvalidInputException as for {@link #grant}, and {@code delegation.colleague.notStaff} (field
     *     {@code colleague}) for someone not assigned to the mailbox's establishment; nothing changed
     */
    @RolesAllowed({"admin", "etab-admin"})
    public Delegation grantFunctional(String functionalAddress, String colleague, DelegationRights rights,
            LocalDate until) {
        Account owner = functional.managed(functionalAddress);
        Account delegate = colleague(colleague);
        if (!rows.staffOf(delegate.getId(), owner.getEstablishmentUai())) {
            throw new InvalidInputException("colleague", "delegation.colleague.notStaff", delegate.getDisplayName());
        }
        Instant now = clock.instant();
        long id = inserted(owner, delegate, rights, until, now);
        rows.accept(id, now);
        Delegation d = rows.one(id).orElseThrow();
        shareFolders(d);
        audited(AuditAction.DELEGATION_GRANTED, d, "functional mailbox, in force at once");
        notices.send(d.delegateAddress(), DelegationNotice.openedSubject(d), DelegationNotice.openedText(d,
                Deployment.portalUrl()), "Delegation notice " + id);
        return d;
    }

    /**
     * An administrator of its establishment ends a delegation of a functional mailbox; the delegate is mailed.
     *
     * @throws NotFoundException {@code delegation.missing}: no open delegation {@code id} of a functional mailbox of
     *     the caller's establishments; nothing changed
     */
    @RolesAllowed({"admin", "etab-admin"})
    public void endFunctional(long id) {
        Delegation d = rows.locked(id).filter(x -> x.status().open()).orElseThrow(() -> missing(id));
        try {
            functional.managed(d.ownerAddress());
        } catch (NotFoundException e) {
            throw missing(id);
        }
        close(d, caller(), "by an administrator");
        closedNotice(d, Closing.BY_ADMINISTRATOR, d.delegateAddress());
    }

    private void closedNotice(Delegation d, Closing why, String to) {
        notices.send(to, DelegationNotice.closedSubject(d, why), DelegationNotice.closedText(d, why),
                "Delegation notice " + d.id());
    }

    private void close(Delegation d, String by, String reason) {
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
        audited(AuditAction.DELEGATION_ENDED, d, reason);
    }

    /**
     * The colleague typed (identifier or address): an enabled person's account, never a functional mailbox (nobody
     * signs in as one).
     */
    private Account colleague(String typed) {
        String key = typed == null ? "" : typed.trim();
        if (key.isEmpty()) {
            throw new InvalidInputException("colleague", "delegation.colleague.required", null);
        }
        if (key.length() > MAX_TYPED) {
            throw new InvalidInputException("colleague", "delegation.colleague.unknown", key.substring(0, 40));
        }
        return accounts.findEnabled(key).filter(a -> !a.isFunctional())
                .orElseThrow(() -> new InvalidInputException("colleague", "delegation.colleague.unknown", key));
    }

    /** Checks the terms, refuses a second open delegation between the two, and inserts a pending one; its id. */
    private long inserted(Account owner, Account delegate, DelegationRights rights, LocalDate until, Instant now) {
        DelegationRights checked = DelegationTerms.checked(rights);
        Instant endsAt = DelegationTerms.endsAt(until, now);
        if (rows.openBetween(owner.getId(), delegate.getId())) {
            throw new InvalidInputException("colleague", "delegation.colleague.already", delegate.getDisplayName());
        }
        return rows.insert(owner.getId(), delegate.getId(), checked, endsAt, caller(), now, delegate.getAddress());
    }

    /** Gives the delegate the folder rights of the mail access, or none; a failure takes back what was given. */
    private void shareFolders(Delegation d) {
        FolderRights folders = DelegationTerms.folderRights(d.rights().mail());
        if (folders != null) {
            MailboxContext owner = ownersMailbox(d).orElseThrow(() -> missing(d.id()));
            try {
                mailbox.share(owner, d.aclIdentifier(), folders);
            } catch (RuntimeException e) {
                takeBack(owner, d);
                throw e;
            }
        }
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
        // An administrator opening or closing a functional mailbox (docs/adr/0105) reaches it as for their other
        // administration tasks; the parties and the nightly job as ADR 0103 says.
        boolean administrator = !session.isCallerInRole("user") && !session.isCallerInRole("batch");
        return administrator ? access.forAdministration(d.ownerAddress()) : access.forDelegation(d.ownerAddress());
    }

    /**
     * Audits a step with both identities. The nightly job's end is written in its own transaction (committed with
     * the end or not at all: exactly once even if the server is killed), the others once their transaction commits.
     */
    private void audited(AuditAction action, Delegation d, String more) {
        String until = d.endsAt() == null ? "" : " until=" + DelegationTerms.lastDay(d.endsAt());
        String actor = callerOrNull();
        AuditEvent event = AuditEvent.of(action, actor, d.ownerUsername(), null, true, "delegation " + d.id()
                + " delegate=" + d.delegateUsername() + " " + d.rights().describe() + until
                + (more == null ? "" : " (" + more + ")"));
        if (actor == null) {
            auditLog.appendWithin(event);
        } else {
            audit.fire(event);
        }
    }

    private Account me() {
        return accounts.findEnabled(caller()).orElseThrow(() -> new NotFoundException("account.missing", caller()));
    }

    private String caller() {
        Principal p = session.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    /** The signed-in user (a user or an administrator); null for the nightly job (run as {@code batch}). */
    private String callerOrNull() {
        return session.isCallerInRole("batch") ? null : caller();
    }

    private static NotFoundException missing(long id) {
        return new NotFoundException("delegation.missing", String.valueOf(id));
    }

    void clock(Clock value) {
        clock = value;
    }
}

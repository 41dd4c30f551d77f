package fr.preau.lists;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.HeldMessage;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.shared.Component;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import fr.preau.shared.ServiceUnavailableException;
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
 * Moderated lists (issue 12, item 3; docs/adr/0101): the messages held for a list, which whoever manages the list
 * (as {@link DistributionLists} decides) approves or refuses. Approving submits the held message once to the list's
 * release address, journalled before and after ({@link ListReleases}) with an evidence copy in the holding mailbox,
 * so that a crash between the submission and the removal never sends it twice. A list the caller does not manage,
 * or a message that is not held for that list, is not found, and nothing changes.
 */
@Stateless
@RolesAllowed({"user", "admin", "etab-admin"})
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ListModeration {
    /** The holding mailbox, as the Postfix and Dovecot templates and V145 route it. */
    static final String HOLDING = "moderation-listes@preau.invalid";
    private static final Duration PROBE_WAIT = Duration.ofSeconds(30);

    @Resource
    private SessionContext context;

    @EJB
    private DistributionLists lists;

    @Inject
    private ListRows rows;

    @EJB
    private ListReleases releases;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    @Inject
    private Event<AuditEvent> audit;

    private Clock clock = Clock.systemUTC();

    /** Where Postfix holds the mail of list {@code id}. */
    static String holdingAddress(long id) {
        return "moderation-listes+" + id + "@preau.invalid";
    }

    /** Where the approval's evidence copy of list {@code id} arrives (ADR 0083's idea). */
    static String evidenceAddress(long id) {
        return "moderation-listes+envoi-" + id + "@preau.invalid";
    }

    /**
     * The messages held for list {@code id}, oldest first.
     *
     * @throws NotFoundException no such list, or one the caller does not manage
     */
    public List<HeldMessage> held(long id) {
        DistributionList list = lists.card(id);
        MailboxContext holding = holding();
        // Evidence copies of releases done, and held copies a crash left after their release: tidied here.
        List<HeldMessage> waiting = new ArrayList<>();
        List<MessageUid> done = new ArrayList<>();
        for (HeldMessage m : mailbox.held(holding, holdingAddress(list.id()))) {
            if (released(list, m)) {
                done.add(m.uid());
            } else {
                waiting.add(m);
            }
        }
        mailbox.held(holding, evidenceAddress(list.id())).stream().filter(m -> released(list, m))
                .forEach(m -> done.add(m.uid()));
        mailbox.removeHeld(holding, done);
        waiting.sort(Comparator.comparing(HeldMessage::date));
        return waiting;
    }

    private boolean released(DistributionList list, HeldMessage m) {
        return m.messageId() != null
                && releases.state(list.id(), m.messageId()).filter(ListReleases.RELEASED::equals).isPresent();
    }

    /**
     * Delivers held message {@code uid} to the members of list {@code id}, once, and removes it.
     *
     * @throws NotFoundException no such list, one the caller does not manage, or no such message held for it
     * @throws InvalidInputException a message without Message-ID ({@code lists.held.noMessageId}); nothing is sent
     */
    public void approve(long id, MessageUid uid) {
        DistributionList list = lists.card(id);
        HeldMessage message = heldFor(list, uid);
        if (message.messageId() == null || message.messageId().isBlank()) {
            throw new InvalidInputException("held", "lists.held.noMessageId", null);
        }
        MailboxContext holding = holding();
        String messageId = message.messageId();
        Optional<String> state = releases.state(list.id(), messageId);
        boolean out = state.filter(ListReleases.RELEASED::equals).isPresent();
        if (state.isEmpty()) {
            releases.begin(list.id(), messageId, caller(), clock.instant());
        } else if (!out) {
            out = releasedBefore(holding, list, messageId);
        }
        if (!out) {
            mailbox.releaseHeld(holding, message.uid(), List.of(rows.releaseAddress(list.id()),
                    evidenceAddress(list.id())));
        }
        releases.released(list.id(), messageId, clock.instant());
        mailbox.removeHeld(holding, List.of(message.uid()));
        audit.fire(AuditEvent.of(AuditAction.LIST_MESSAGE_APPROVED, caller(), list.address(), null, true,
                messageId));
    }

    /**
     * Deletes held message {@code uid} of list {@code id}: nobody receives it.
     *
     * @throws NotFoundException as {@link #approve}
     */
    public void refuse(long id, MessageUid uid) {
        DistributionList list = lists.card(id);
        HeldMessage message = heldFor(list, uid);
        mailbox.removeHeld(holding(), List.of(message.uid()));
        audit.fire(AuditEvent.of(AuditAction.LIST_MESSAGE_REFUSED, caller(), list.address(), null, true,
                message.messageId()));
    }

    /**
     * Whether an earlier approval that died before its "released" mark had been accepted by Postfix: its evidence
     * copy is there, or arrives before a probe sent after it (an absence alone proves nothing while it may queue).
     */
    private boolean releasedBefore(MailboxContext holding, DistributionList list, String messageId) {
        if (hasEvidence(holding, list, messageId)) {
            return true;
        }
        String probe = mailbox.sendProbe(holding, "moderation-listes+sonde@preau.invalid");
        if (!mailbox.awaitProbe(HOLDING, probe, PROBE_WAIT)) {
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT,
                    new IllegalStateException("The holding mailbox's probe did not arrive"));
        }
        return hasEvidence(holding, list, messageId);
    }

    private boolean hasEvidence(MailboxContext holding, DistributionList list, String messageId) {
        return mailbox.held(holding, evidenceAddress(list.id())).stream()
                .anyMatch(m -> messageId.equals(m.messageId()));
    }

    private HeldMessage heldFor(DistributionList list, MessageUid uid) {
        if (uid == null) {
            throw new NotFoundException("lists.held.missing", null);
        }
        return mailbox.held(holding(), holdingAddress(list.id())).stream().filter(m -> m.uid().equals(uid)).findFirst()
                .orElseThrow(() -> new NotFoundException("lists.held.missing", String.valueOf(uid.uid())));
    }

    private MailboxContext holding() {
        return access.system(new MailAddress(HOLDING, null));
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}

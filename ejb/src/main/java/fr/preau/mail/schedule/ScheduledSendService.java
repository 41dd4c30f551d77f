package fr.preau.mail.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import fr.preau.mail.compose.ComposeService;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.StoredMessage;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The caller's scheduled messages (Planifiés): schedule, list, edit, cancel. The message is built once, complete,
 * with its Message-ID, and stored in PostgreSQL; {@link ScheduledSender} sends it at its time (ADR 0050). Only the
 * caller's own rows are ever read or changed.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class ScheduledSendService {
    /** How far ahead a message may be scheduled. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    @Inject
    private ScheduledMessages rows;

    @EJB
    private MailboxAccess access;


    @Inject
    private Mailbox mailbox;

    @EJB
    private ComposeService compose;

    /** Schedules a new message; returns its id. */
    public long schedule(OutgoingMessage message, Instant due) {
        MailboxContext ctx = access.own();
        check(message, due);
        compose.checkAttachments(message);
        ScheduledMessage row = new ScheduledMessage(accountId(ctx));
        plan(row, ctx, message, due);
        return rows.add(row);
    }

    /** Replaces a planned (or refused) message's content and time, as long as it has not left. */
    public void reschedule(long id, OutgoingMessage message, Instant due) {
        MailboxContext ctx = access.own();
        check(message, due);
        compose.checkAttachments(message);
        ScheduledMessage row = changeable(ctx, id);
        plan(row, ctx, message, due);
    }

    /** Cancels a message that has not left; nothing is sent. */
    public void cancel(long id) {
        changeable(access.own(), id).cancel();
    }

    /** The caller's messages waiting, being sent or refused, soonest first; then the last sent ones. */
    public List<ScheduledItem> list() {
        long account = accountId(access.own());
        return rows.listed(account, OffsetDateTime.now().minusDays(7)).stream().map(ScheduledItem::of).toList();
    }

    /** One of the caller's messages. */
    public ScheduledItem get(long id) {
        return ScheduledItem.of(own(access.own(), id));
    }

    /** One of the caller's messages as compose reopens it: recipients, body, attachments and all. */
    public OutgoingMessage content(long id) {
        return mailbox.reopen(access.own(), own(access.own(), id).getMime());
    }

    private void plan(ScheduledMessage row, MailboxContext ctx, OutgoingMessage message, Instant due) {
        StoredMessage mime = mailbox.store(ctx, message, due);
        row.plan(mime.messageId(), due.atOffset(ZoneOffset.UTC), labels(message.to()), labels(message.cc()),
                message.subject(), message.text(), mime.bytes());
    }

    private static String labels(List<MailAddress> addresses) {
        return String.join(", ", addresses.stream().map(MailAddress::address).toList());
    }

    private static void check(OutgoingMessage message, Instant due) {
        if (message.allRecipients().isEmpty()) {
            throw new InvalidInputException("to", "compose.error.recipient.empty", null);
        }
        Instant now = Instant.now();
        if (due == null) {
            throw new InvalidInputException("scheduleAt", "schedule.error.noDate", null);
        }
        if (!due.isAfter(now)) {
            throw new InvalidInputException("scheduleAt", "schedule.error.past", null);
        }
        if (due.isAfter(now.plus(MAX_AHEAD))) {
            throw new InvalidInputException("scheduleAt", "schedule.error.tooFar", null);
        }
    }

    private ScheduledMessage changeable(MailboxContext ctx, long id) {
        ScheduledMessage row = rows.locked(own(ctx, id));
        if (row.getState() != ScheduledState.PLANNED && row.getState() != ScheduledState.FAILED) {
            throw new InvalidInputException("scheduled", row.getState() == ScheduledState.CANCELLED
                    ? "schedule.error.cancelled" : "schedule.error.alreadySent", null);
        }
        return row;
    }

    private ScheduledMessage own(MailboxContext ctx, long id) {
        return rows.ofAccount(id, accountId(ctx))
                .orElseThrow(() -> new NotFoundException("schedule.error.gone", String.valueOf(id)));
    }

    private long accountId(MailboxContext ctx) {
        return ctx.ownerAccountId();
    }
}

package fr.preau.agenda;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * What the organiser's changes send to the attendees (docs/adr/0108, RFC 5546/6047): a change they must hear of
 * (times, place, title, repeat; not an answer, a stamp or a reminder) moves SEQUENCE on and sends a REQUEST to every
 * attendee; a deletion sends CANCEL. Only the organiser's own changes send anything (the caller's own address is
 * the ORGANIZER); an attendee's copy, or a change made by an editor or a delegate, sends nothing. A save that changes
 * nothing for the attendees (the same request again) sends nothing: exactly one message per change.
 */
@Dependent
public class MeetingMail {
    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    private Clock clock = Clock.systemUTC();

    /** {@code after} with the SEQUENCE it must carry after {@code before} (one more for a change attendees hear of). */
    EventObject sequenced(EventObject before, EventObject after) {
        if (after.attendees().isEmpty() || !organisedByCaller(after)) {
            return after;
        }
        return after.withSequence(before.sequence() + (Itip.sameForAttendees(before, after) ? 0 : 1));
    }

    /** Sends the REQUEST of a change (or of a new meeting, {@code before} null) to every attendee, when one is due. */
    void changed(EventObject before, EventObject after) {
        if (after.attendees().isEmpty() || !organisedByCaller(after)
                || before != null && Itip.sameForAttendees(before, after)) {
            return;
        }
        request(after, after.attendees().keySet(), before != null);
    }

    /** Sends the REQUEST of the meeting to {@code to} (those just invited, or everyone after a change). */
    void request(EventObject o, Collection<String> to, boolean update) {
        List<String> rcpt = others(o, to);
        if (rcpt.isEmpty()) {
            return;
        }
        EventDraft d = o.draft();
        MailboxContext ctx = access.own();
        mailbox.sendCalendar(ctx, rcpt, MeetingText.subject(Itip.REQUEST, update, d.title()),
                MeetingText.body(Itip.REQUEST, ctx.owner().label(), d), Itip.REQUEST, Itip.request(o));
    }

    /**
     * Sends CANCEL for the meeting ({@code occurrence} null) or one occurrence to {@code to}; {@code o} carries the
     * SEQUENCE to send (the caller has moved it on).
     */
    void cancel(EventObject o, LocalDateTime occurrence, Collection<String> to) {
        if (o.attendees().isEmpty() || !organisedByCaller(o)) {
            return;
        }
        List<String> rcpt = others(o, to);
        if (rcpt.isEmpty()) {
            return;
        }
        EventDraft d = o.draft();
        if (occurrence != null) {
            d = d.at(occurrence, occurrence.plus(java.time.Duration.between(d.start(), d.end())));
        }
        MailboxContext ctx = access.own();
        mailbox.sendCalendar(ctx, rcpt, MeetingText.subject(Itip.CANCEL, false, d.title()),
                MeetingText.body(Itip.CANCEL, ctx.owner().label(), d), Itip.CANCEL,
                Itip.cancel(o, occurrence, rcpt, clock.instant()));
    }

    /** Sends the caller's answer (REPLY with that attendee only) to the organiser. */
    void reply(EventObject o, String attendee, String partstat) {
        MailboxContext ctx = access.own();
        String title = o.draft().title();
        mailbox.sendCalendar(ctx, List.of(o.organizer()), MeetingText.subject(Itip.REPLY, false, title) + " ("
                + answerWord(partstat) + ")", MeetingText.reply(ctx.owner().label(), partstat, title),
                Itip.REPLY, Itip.reply(o, attendee, partstat, clock.instant()));
    }

    /** Whether the meeting is the caller's own: its ORGANIZER is the caller's address. */
    boolean organisedByCaller(EventObject o) {
        String org = o.organizer();
        return org != null && org.equals(callerAddress());
    }

    /** The caller's own address, lower case. */
    String callerAddress() {
        return Itip.address(access.own().owner().address());
    }

    void clock(Clock value) {
        clock = value;
    }

    private List<String> others(EventObject o, Collection<String> to) {
        List<String> out = new ArrayList<>();
        for (String a : to) {
            if (!a.equals(o.organizer()) && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static String answerWord(String partstat) {
        return switch (partstat) {
            case "ACCEPTED" -> "accepté";
            case "TENTATIVE" -> "provisoire";
            default -> "refusé";
        };
    }
}

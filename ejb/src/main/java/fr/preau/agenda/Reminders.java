package fr.preau.agenda;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The reminder of an event of one's own calendars (issue 14, item 1; docs/adr/0111): none, or 10 minutes, 30
 * minutes, 1 hour or 1 day before every occurrence, mailed to the owner by {@link ReminderSender}. Only the owner of
 * the calendar reads or sets it (a colleague who may change the event, a delegate: not found, as a missing event).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class Reminders {
    /** No reminder. */
    public static final int NONE = 0;

    @Inject
    private EventRows events;

    @Inject
    private CalendarRows calendars;

    @EJB
    private ReminderRows reminders;

    @EJB
    private AccountService accounts;

    @Resource
    private SessionContext context;

    private Clock clock = Clock.systemUTC();

    /**
     * The reminder of one of the caller's events, in minutes before ({@link #NONE}: none).
     *
     * @throws NotFoundException no such event in the caller's own calendars
     */
    public int reminder(long eventId) {
        owned(eventId);
        return reminders.minutes(eventId).orElse(NONE);
    }

    /**
     * Sets (or with {@link #NONE} removes) the reminder of one of the caller's events, and computes when it next
     * falls: the first occurrence whose reminder time is not past.
     *
     * @throws NotFoundException no such event in the caller's own calendars; nothing changes
     * @throws InvalidInputException field {@code reminder}: not one of the choices; nothing changes
     */
    public void setReminder(long eventId, int minutes) {
        if (minutes != NONE && !ReminderPlan.CHOICES.contains(minutes)) {
            throw new InvalidInputException("reminder", "agenda.reminder.invalid", String.valueOf(minutes));
        }
        EventRow r = owned(eventId);
        if (minutes == NONE) {
            reminders.clear(eventId);
            return;
        }
        Instant now = clock.instant();
        Optional<ReminderPlan.Due> next = ReminderPlan.next(EventObject.parse(r.ical()), minutes, now);
        reminders.set(eventId, me().getId(), minutes, r.revision(), next.map(ReminderPlan.Due::occurrence)
                .orElse(null), next.map(ReminderPlan.Due::at).orElse(null));
    }

    void clock(Clock value) {
        clock = value;
    }

    private EventRow owned(long eventId) {
        Account me = me();
        EventRow r = events.one(eventId).orElseThrow(() -> gone(eventId));
        calendars.one(r.calendarId()).filter(c -> c.accountId() == me.getId()).orElseThrow(() -> gone(eventId));
        return r;
    }

    private Account me() {
        String name = context.getCallerPrincipal().getName();
        return accounts.findEnabled(name).orElseThrow(() -> new NotFoundException("agenda.person.unknown", name));
    }

    private static NotFoundException gone(long id) {
        return new NotFoundException("agenda.event.gone", String.valueOf(id));
    }
}

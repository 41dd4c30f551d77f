package fr.preau.agenda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.mail.largefile.LinkToken;
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
 * A calendar as a {@code .ics} file, out and in (issue 14, item 4; docs/adr/0109). The export gives what the caller
 * may see of the calendar ({@link AgendaRights#level}, {@link RedactedObject}): everything to its owner, the details
 * but private events to those granted them, times only ("Occupé") to every other colleague. The import needs the
 * right to change the calendar; it brings in every valid event of the file (by UID: an event already there is
 * updated, not doubled) and lists the others with their line and reason. A calendar that does not exist, or that
 * the caller may not change (for an import), gets {@code agenda.calendar.gone}.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class AgendaFiles {
    @Inject
    private CalendarRows calendars;

    @Inject
    private EventRows events;

    @Inject
    private AgendaRights rights;

    @Inject
    private SubscriptionRows subscriptions;

    @EJB
    private AccountService accounts;

    @Resource
    private SessionContext context;

    /**
     * Calendar {@code calendarId} as one VCALENDAR, as the caller may read it.
     *
     * @throws NotFoundException no such calendar
     */
    public CalendarFile export(long calendarId) {
        Account me = me();
        CalendarRow c = calendars.one(calendarId).orElseThrow(() -> calendarGone(calendarId));
        return CalendarFile.of(c, events.ofCalendar(c.id()), rights.level(me, c));
    }

    /**
     * Imports file {@code bytes} into calendar {@code calendarId}, as far as it is valid.
     *
     * @throws NotFoundException no such calendar, or the caller may not change it; nothing is imported
     * @throws InvalidInputException field {@code file}: too large, not an iCalendar file, too many events;
     *         nothing is imported
     */
    public IcsImportReport importFile(long calendarId, byte[] bytes) {
        Account me = me();
        CalendarRow c = calendars.one(calendarId).orElseThrow(() -> calendarGone(calendarId));
        CalendarLevel level = rights.level(me, c);
        if (!level.mayEdit()) {
            throw calendarGone(calendarId);
        }
        Agenda.refuseReadOnly(c);
        List<IcsFile.Entry> entries = IcsFile.read(bytes);
        List<IcsImportReport.Skipped> skipped = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        long token = -1;
        for (IcsFile.Entry e : entries) {
            if (e.fault() != null) {
                skipped.add(new IcsImportReport.Skipped(e.line(), e.uid(), e.title(), e.fault()));
                continue;
            }
            EventObject o = e.event();
            String text = o.text();
            Optional<EventRow> there = events.byUid(c.id(), o.uid());
            if (there.isPresent() && there.get().ical().equals(text)) {
                unchanged++;
                continue;
            }
            if (there.isPresent()
                    && !AgendaRights.mayChange(level, EventObject.parse(there.get().ical()).isPrivate())) {
                skipped.add(new IcsImportReport.Skipped(e.line(), e.uid(), e.title(), "agenda.import.notYours"));
                continue;
            }
            token = token < 0 ? calendars.nextToken(c.id()) : token;
            if (there.isPresent()) {
                events.update(there.get().id(), c.id(), text, o.firstStart(), o.lastEnd().orElse(null),
                        o.isPrivate(), token);
                updated++;
            } else {
                events.insert(c.id(), o.uid(), text, o.firstStart(), o.lastEnd().orElse(null), o.isPrivate(), token);
                created++;
            }
        }
        return new IcsImportReport(created, updated, unchanged, List.copyOf(skipped));
    }

    /**
     * A new private subscription address for one of the caller's calendars, replacing (revoking) the one it had:
     * the token, shown once (only its SHA-256 is kept).
     *
     * @throws NotFoundException not a calendar of the caller's
     */
    public String renewSubscription(long calendarId) {
        CalendarRow c = owned(me(), calendarId);
        String token = LinkToken.create();
        subscriptions.put(c.id(), LinkToken.hash(token));
        return token;
    }

    /**
     * Revokes the subscription address of one of the caller's calendars (none afterwards).
     *
     * @throws NotFoundException not a calendar of the caller's
     */
    public void revokeSubscription(long calendarId) {
        subscriptions.remove(owned(me(), calendarId).id());
    }

    /**
     * When the current subscription address of one of the caller's calendars was made; empty when it has none.
     *
     * @throws NotFoundException not a calendar of the caller's
     */
    public Optional<Instant> subscriptionSince(long calendarId) {
        return subscriptions.since(owned(me(), calendarId).id());
    }

    private CalendarRow owned(Account me, long id) {
        return calendars.one(id).filter(c -> c.accountId() == me.getId()).orElseThrow(() -> calendarGone(id));
    }

    private Account me() {
        String name = context.getCallerPrincipal().getName();
        return accounts.findEnabled(name).orElseThrow(() -> new NotFoundException("agenda.person.unknown", name));
    }

    private static NotFoundException calendarGone(long id) {
        return new NotFoundException("agenda.calendar.gone", String.valueOf(id));
    }
}

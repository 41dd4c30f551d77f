package fr.preau.agenda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
 * The agenda of the signed-in user and what they may see of their colleagues' (AGD-1, AGD-2; docs/adr/0106):
 * calendars, the occurrences of a window, events created, changed and deleted ("cette occurrence", "celle-ci et les
 * suivantes", "toutes"). Every call decides the caller's level in the calendar through {@link AgendaRights}; what
 * leaves this service for a calendar seen as free/busy, or for a private event of someone else, is an
 * {@link AgendaEntry} with times only. An event or calendar the caller may not change (or, for details, not see) gets
 * the same {@link NotFoundException} as one that does not exist, and nothing changes.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class Agenda {
    /** The name of the calendar made on first use. */
    public static final String DEFAULT_NAME = "Agenda";
    /** Its colour. */
    public static final String DEFAULT_COLOUR = "#1d6fb8";
    /** The longest window one call reads (a month view with its margins, a list of a school year). */
    public static final Duration WINDOW_MAX = Duration.ofDays(400);

    @Inject
    private CalendarRows calendars;

    @Inject
    private EventRows events;

    @Inject
    private AgendaRights rights;

    @EJB
    private AccountService accounts;

    @Inject
    private MeetingMail meetingMail;

    @Resource
    private SessionContext context;

    private Clock clock = Clock.systemUTC();

    /** The caller's calendars, the default first (made on first use). */
    public List<AgendaCalendar> calendars() {
        Account me = me();
        List<CalendarRow> mine = calendars.ofAccount(me.getId());
        if (mine.isEmpty()) {
            calendars.insertDefault(me.getId(), UUID.randomUUID().toString(), DEFAULT_NAME, DEFAULT_COLOUR);
            mine = calendars.ofAccount(me.getId());
        }
        return mine.stream().map(c -> view(c, CalendarLevel.OWNER)).toList();
    }

    /**
     * The calendars of a colleague (identifier or address), each with what the caller may do in it ("Voir l'agenda
     * de …"); the caller's own when it is the caller.
     *
     * @throws NotFoundException no enabled account of that name
     */
    public List<AgendaCalendar> calendarsOf(String person) {
        Account me = me();
        Account owner = accounts.findEnabled(person).orElseThrow(() -> new NotFoundException(
                "agenda.person.unknown", String.valueOf(person)));
        if (owner.getId().equals(me.getId())) {
            return calendars();
        }
        return calendars.ofAccount(owner.getId()).stream().map(c -> view(c, rights.level(me, c))).toList();
    }

    /**
     * A new calendar of the caller's.
     *
     * @throws InvalidInputException field {@code calendarName} (empty, too long, taken) or {@code colour}
     */
    public AgendaCalendar createCalendar(String name, String colour) {
        Account me = me();
        calendars();
        String n = EventRules.calendarName(name);
        String c = EventRules.colour(colour);
        if (calendars.nameTaken(me.getId(), n, -1)) {
            throw new InvalidInputException("calendarName", "agenda.calendar.name.taken", n);
        }
        long id = calendars.insert(me.getId(), UUID.randomUUID().toString(), n, c);
        return view(calendars.one(id).orElseThrow(), CalendarLevel.OWNER);
    }

    /**
     * New name and colour of one of the caller's calendars.
     *
     * @throws NotFoundException not a calendar of the caller's
     * @throws InvalidInputException as {@link #createCalendar}
     */
    public AgendaCalendar updateCalendar(long id, String name, String colour) {
        Account me = me();
        CalendarRow row = owned(me, id);
        String n = EventRules.calendarName(name);
        String c = EventRules.colour(colour);
        if (calendars.nameTaken(me.getId(), n, id)) {
            throw new InvalidInputException("calendarName", "agenda.calendar.name.taken", n);
        }
        calendars.update(row.id(), n, c);
        return view(calendars.one(id).orElseThrow(), CalendarLevel.OWNER);
    }

    /**
     * The people, lists and establishments to whom the caller granted more than free/busy on one of their
     * calendars: people first.
     *
     * @throws NotFoundException not a calendar of the caller's
     */
    public List<CalendarShare> shares(long calendarId) {
        long id = owned(me(), calendarId).id();
        List<CalendarShare> all = new ArrayList<>(calendars.shares(id));
        all.addAll(calendars.groupShares(id));
        return all;
    }

    /**
     * Grants "voir les détails" ({@link CalendarLevel#DETAILS}) or "modifier" ({@link CalendarLevel#EDIT}) on one
     * of the caller's calendars, or takes it back ({@link CalendarLevel#BUSY}), to {@code target}: a colleague
     * (identifier or address), a distribution list (its address: its members, lists within it too, as they are at
     * each request) or an establishment (its UAI: the accounts assigned to it), looked up in that order.
     *
     * @throws NotFoundException not a calendar of the caller's
     * @throws InvalidInputException field {@code person}: no such colleague, list or establishment, or the caller
     */
    public void share(long calendarId, String target, CalendarLevel level) {
        Account me = me();
        CalendarRow row = owned(me, calendarId);
        if (level == CalendarLevel.OWNER) {
            throw new InvalidInputException("level", "agenda.share.level", null);
        }
        String code = level == null || level == CalendarLevel.BUSY ? null : level.code();
        String typed = target == null ? "" : target.strip();
        Optional<Account> grantee = typed.isEmpty() ? Optional.empty() : accounts.findEnabled(typed);
        if (grantee.isPresent()) {
            if (grantee.get().getId().equals(me.getId())) {
                throw new InvalidInputException("person", "agenda.share.self", null);
            }
            if (code == null) {
                calendars.unshare(row.id(), grantee.get().getId());
            } else {
                calendars.share(row.id(), grantee.get().getId(), code);
            }
            return;
        }
        Optional<Long> list = typed.isEmpty() ? Optional.empty() : calendars.listOf(typed);
        Optional<String> uai = list.isPresent() || typed.isEmpty() ? Optional.empty()
                : calendars.establishmentOf(typed);
        if (list.isEmpty() && uai.isEmpty()) {
            throw new InvalidInputException("person", "agenda.share.unknown", typed);
        }
        calendars.shareGroup(row.id(), list.orElse(null), uai.orElse(null), code);
    }

    /**
     * The occurrences in calendars {@code calendarIds} that meet {@code [from, to)} (Europe/Paris), by start: in
     * full where the caller may see details, as busy times otherwise.
     *
     * @throws NotFoundException one of the calendars does not exist
     * @throws InvalidInputException field {@code window}: empty, reversed or longer than {@link #WINDOW_MAX}
     */
    public List<AgendaEntry> entries(Collection<Long> calendarIds, LocalDateTime from, LocalDateTime to) {
        if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).compareTo(WINDOW_MAX) > 0) {
            throw new InvalidInputException("window", "agenda.window.invalid", String.valueOf(WINDOW_MAX.toDays()));
        }
        Account me = me();
        Map<Long, CalendarLevel> levels = new LinkedHashMap<>();
        for (Long id : calendarIds) {
            CalendarRow c = calendars.one(id).orElseThrow(() -> calendarGone(id));
            levels.put(id, shown(rights.level(me, c), c));
        }
        List<AgendaEntry> out = new ArrayList<>();
        for (EventRow r : events.meeting(levels.keySet(), from.atZone(EventObject.PARIS).toInstant(),
                to.atZone(EventObject.PARIS).toInstant())) {
            EventObject o = EventObject.parse(r.ical());
            CalendarLevel level = levels.get(r.calendarId());
            for (Occurrence occ : o.expand(from, to)) {
                out.add(AgendaRights.entry(level, r.id(), r.calendarId(), occ, o));
            }
        }
        out.sort(Comparator.comparing(AgendaEntry::start).thenComparing(AgendaEntry::eventId));
        return out;
    }

    /**
     * One occurrence in full, for the dialog ({@code occurrence} null for an event that does not repeat).
     *
     * @throws NotFoundException no such event or occurrence, or the caller may not see its details
     */
    public AgendaEntry entry(long eventId, LocalDateTime occurrence) {
        Account me = me();
        EventRow r = events.one(eventId).orElseThrow(() -> eventGone(eventId));
        CalendarRow c = calendars.one(r.calendarId()).orElseThrow(() -> eventGone(eventId));
        EventObject o = EventObject.parse(r.ical());
        Occurrence occ = o.occurrence(o.repeats() ? occurrence : null).orElseThrow(() -> eventGone(eventId));
        AgendaEntry e = AgendaRights.entry(shown(rights.level(me, c), c), r.id(), r.calendarId(), occ, o);
        if (e.busy()) {
            throw eventGone(eventId);
        }
        return e;
    }

    /**
     * Creates an event in a calendar the caller may change.
     *
     * @return its first occurrence
     * @throws NotFoundException no such calendar, or the caller may not change it
     * @throws InvalidInputException see {@link EventRules#check}; nothing is created
     */
    public AgendaEntry create(long calendarId, EventDraft draft) {
        Account me = me();
        CalendarRow c = calendars.one(calendarId).orElseThrow(() -> calendarGone(calendarId));
        if (!rights.level(me, c).mayEdit()) {
            throw calendarGone(calendarId);
        }
        refuseReadOnly(c);
        EventDraft d = EventRules.check(draft);
        EventObject o = EventObject.create(UUID.randomUUID().toString(), d, clock.instant());
        long id = insert(c.id(), o, calendars.nextToken(c.id()));
        return entry(id, o.repeats() ? o.start() : null);
    }

    /**
     * Changes an event: for a repeated one, occurrence {@code occurrence} only ({@link Scope#THIS}), it and the
     * following ones ({@link Scope#FOLLOWING}: the series ends before it and a new one starts from it), or all of
     * them ({@link Scope#ALL}: the draft's times move every occurrence by as much as this one moved).
     *
     * @throws NotFoundException no such event or occurrence, or the caller may not change it
     * @throws InvalidInputException see {@link EventRules#check}; nothing changes
     */
    public void update(long eventId, LocalDateTime occurrence, Scope scope, EventDraft draft) {
        Account me = me();
        EventRow r = changeable(me, eventId);
        EventObject o = EventObject.parse(r.ical());
        EventDraft d = EventRules.check(draft);
        Instant now = clock.instant();
        long token = calendars.nextToken(r.calendarId());
        if (!o.repeats() || scope == Scope.ALL
                || (scope == Scope.FOLLOWING && o.start().equals(occurrence))) {
            EventDraft moved = d;
            if (o.repeats()) {
                Occurrence shown = o.occurrence(occurrence).orElseThrow(() -> eventGone(eventId));
                Duration shift = Duration.between(shown.start(), d.start());
                moved = d.at(o.start().plus(shift), o.start().plus(shift).plus(Duration.between(d.start(), d.end())));
            }
            save(r, o.withMaster(moved, now), token);
            return;
        }
        if (o.occurrence(occurrence).isEmpty()) {
            throw eventGone(eventId);
        }
        if (scope == Scope.THIS) {
            save(r, o.withOccurrence(occurrence, d, now), token);
        } else {
            save(r, o.endingBefore(occurrence, now), token);
            EventObject tail = Meetings.continuing(o, EventObject.create(UUID.randomUUID().toString(), d, now));
            insert(r.calendarId(), tail, token);
            meetingMail.changed(null, tail);
        }
    }

    /**
     * Deletes an event, or for a repeated one occurrence {@code occurrence} only, it and the following ones, or
     * all of them.
     *
     * @throws NotFoundException no such event or occurrence, or the caller may not change it
     */
    public void delete(long eventId, LocalDateTime occurrence, Scope scope) {
        Account me = me();
        EventRow r = changeable(me, eventId);
        EventObject o = EventObject.parse(r.ical());
        long token = calendars.nextToken(r.calendarId());
        if (!o.repeats() || scope == Scope.ALL || (scope == Scope.FOLLOWING && o.start().equals(occurrence))) {
            meetingMail.cancel(o.withSequence(o.sequence() + 1), null, o.attendees().keySet());
            events.delete(r.id(), r.calendarId(), token);
            return;
        }
        if (o.occurrence(occurrence).isEmpty()) {
            throw eventGone(eventId);
        }
        Instant now = clock.instant();
        if (scope == Scope.THIS) {
            EventObject after = o.withoutOccurrence(occurrence, now);
            save(r, after, token, false);
            meetingMail.cancel(meetingMail.sequenced(o, after), occurrence, o.attendees().keySet());
            return;
        }
        save(r, o.endingBefore(occurrence, now), token);
    }

    /**
     * How many events one of the caller's calendars holds (the confirmation of its deletion says it).
     *
     * @throws NotFoundException not a calendar of the caller's
     */
    public long eventCount(long calendarId) {
        return calendars.eventCount(owned(me(), calendarId).id());
    }

    /**
     * Deletes one of the caller's calendars with all its events (docs/adr/0109): its grants and subscription
     * address go too; a tombstone keeps its UID and its objects' for sync clients. The default calendar ("Agenda",
     * where the others' events land) stays, so an account always has one.
     *
     * @return how many events went
     * @throws NotFoundException not a calendar of the caller's (another person's, even one they may change)
     * @throws InvalidInputException field {@code calendar}: the default calendar; nothing is deleted
     */
    public int deleteCalendar(long calendarId) {
        Account me = me();
        CalendarRow c = owned(me, calendarId);
        if (c.isDefault()) {
            throw new InvalidInputException("calendar", "agenda.calendar.default", c.name());
        }
        int gone = calendars.delete(c.id(), me.getId());
        if (gone < 0) {
            throw calendarGone(calendarId);
        }
        return gone;
    }

    void clock(Clock value) {
        clock = value;
    }

    private EventRow changeable(Account me, long eventId) {
        EventRow r = events.one(eventId).orElseThrow(() -> eventGone(eventId));
        CalendarRow c = calendars.one(r.calendarId()).orElseThrow(() -> eventGone(eventId));
        if (!AgendaRights.mayChange(rights.level(me, c), EventObject.parse(r.ical()).isPrivate())) {
            throw eventGone(eventId);
        }
        refuseReadOnly(c);
        return r;
    }

    private long insert(long calendarId, EventObject o, long token) {
        return events.insert(calendarId, o.uid(), o.text(), o.firstStart(), o.lastEnd().orElse(null), o.isPrivate(),
                token);
    }

    private void save(EventRow r, EventObject o, long token) {
        save(r, o, token, true);
    }

    /** Saves the new object; for a meeting of the caller's, with its SEQUENCE and (when {@code tell}) its REQUEST. */
    private void save(EventRow r, EventObject changed, long token, boolean tell) {
        EventObject before = EventObject.parse(r.ical());
        EventObject o = meetingMail.sequenced(before, changed);
        if (!events.update(r.id(), r.calendarId(), o.text(), o.firstStart(), o.lastEnd().orElse(null),
                o.isPrivate(), token)) {
            throw eventGone(r.id());
        }
        if (tell) {
            meetingMail.changed(before, o);
        }
    }

    private CalendarRow owned(Account me, long id) {
        return calendars.one(id).filter(c -> c.accountId() == me.getId()).orElseThrow(() -> calendarGone(id));
    }

    private static AgendaCalendar view(CalendarRow c, CalendarLevel level) {
        return new AgendaCalendar(c.id(), c.name(), c.colour(), c.isDefault(), c.ownerName(), c.ownerAddress(),
                level, c.readOnly());
    }

    private Account me() {
        String name = context.getCallerPrincipal().getName();
        return accounts.findEnabled(name).orElseThrow(() -> new NotFoundException("agenda.person.unknown", name));
    }

    private static NotFoundException calendarGone(long id) {
        return new NotFoundException("agenda.calendar.gone", String.valueOf(id));
    }

    /**
     * Refuses any change of the events of a read-only calendar (the school holidays, docs/adr/0110) with
     * {@code agenda.calendar.readOnly} (no field: the page shows it above the form, whatever was changed).
     */
    static void refuseReadOnly(CalendarRow c) {
        if (c.readOnly()) {
            throw new InvalidInputException(null, "agenda.calendar.readOnly", c.name());
        }
    }

    /** The level its entries are shown at: in a read-only calendar no entry is editable, not even by its owner. */
    private static CalendarLevel shown(CalendarLevel level, CalendarRow c) {
        return c.readOnly() && level.seesDetails() ? CalendarLevel.DETAILS : level;
    }

    private static NotFoundException eventGone(long id) {
        return new NotFoundException("agenda.event.gone", String.valueOf(id));
    }
}

package fr.preau.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.contacts.carddav.CardDavBooks;
import fr.preau.contacts.carddav.DavAccount;
import fr.preau.contacts.carddav.DavCard;
import fr.preau.contacts.carddav.DavChanges;
import fr.preau.contacts.carddav.DavLogin;
import fr.preau.contacts.carddav.DavWrite;
import fr.preau.dav.CalendarFilter;
import fr.preau.dav.Dav;
import fr.preau.dav.DavRefusal;
import fr.preau.dav.Preconditions;
import fr.preau.dav.SyncToken;
import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.Delegations;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The calendars a CalDAV client sees (issue 14, item 4; docs/adr/0107): the account's own, and those whose details
 * it may see through a grant or a delegation ({@link AgendaRights}, the agenda's one rights decision). Every method
 * checks the request's credentials as CardDAV does ({@link CardDavBooks#signIn}: the account's password or an app
 * password, checked as IMAP checks them). A calendar the caller may see only as busy, another account's home, an
 * unknown calendar or object: the same 404, nothing changes. Objects leave this service through
 * {@link RedactedObject}: a private event of someone else is busy times only, whatever the caller's level.
 * Objects are stored as the client sent them ({@link ClientObject} checks them), so its alarms, attendees and X-
 * properties are kept. No container sign-in is behind a DAV request: once the credentials are checked, this bean asks
 * the delegations (a service of the role {@code user}) under that role ({@code @RunAs}), as the page's caller would.
 */
@Stateless
@RunAs("user")
@PermitAll
@ServiceBoundary
public class CalDavCalendars {
    private static final Logger LOG = Logger.getLogger(CalDavCalendars.class.getName());
    private static final LocalDateTime EARLIEST = LocalDateTime.of(1900, 1, 1, 0, 0);
    private static final LocalDateTime LATEST = LocalDateTime.of(2200, 1, 1, 0, 0);
    private static final int MAX_NAME = 255;

    @EJB
    private CardDavBooks doors;

    @EJB
    private AccountService accounts;

    @EJB
    private Delegations delegations;

    @Inject
    private CalendarRows calendars;

    @Inject
    private EventRows events;

    @Inject
    private CalDavRows rows;

    @Inject
    private AgendaRights rights;

    /** A calendar the caller may read, with the caller's level in it. */
    private record Seen(CalendarRow row, CalendarLevel level) {
    }

    /**
     * The account these credentials open (as CardDAV and IMAP check them).
     *
     * @throws DavRefusal 401
     */
    public DavAccount signIn(DavLogin login) {
        return doors.signIn(login);
    }

    /**
     * The calendars in the home of {@code owner}, without their objects: the caller's own (the default one made on
     * first use, as the page does), then those of colleagues the caller may see in detail (a grant "voir les
     * détails" or "modifier", a delegation's agenda right in force).
     *
     * @throws DavRefusal 401 see {@link CardDavBooks#signIn}; 404 not the caller's home
     */
    public List<CalDavCalendar> home(DavLogin login, long owner) {
        Account me = owned(login, owner);
        if (calendars.ofAccount(me.getId()).isEmpty()) {
            calendars.insertDefault(me.getId(), UUID.randomUUID().toString(), Agenda.DEFAULT_NAME,
                    Agenda.DEFAULT_COLOUR);
        }
        Map<Long, Seen> seen = new LinkedHashMap<>();
        calendars.ofAccount(me.getId()).forEach(c -> seen.put(c.id(), new Seen(c, CalendarLevel.OWNER)));
        Set<Long> others = new LinkedHashSet<>(rows.grantedTo(me.getId()));
        for (Delegation d : delegations.inForceFor(me.getUsername())) {
            if (d.rights().agenda() != AgendaAccess.NONE) {
                calendars.ofAccount(d.ownerAccount()).forEach(c -> others.add(c.id()));
            }
        }
        for (long id : others) {
            calendars.one(id).map(c -> new Seen(c, rights.level(me, c))).filter(s -> s.level().seesDetails())
                    .ifPresent(s -> seen.putIfAbsent(id, s));
        }
        return seen.values().stream().map(s -> view(s, List.of())).toList();
    }

    /**
     * Calendar {@code calendar} of the home of {@code owner}, with its objects when {@code withObjects}.
     *
     * @throws DavRefusal 401; 404 not the caller's home, no such calendar, or one the caller may see only as busy
     */
    public CalDavCalendar calendar(DavLogin login, long owner, long calendar, boolean withObjects) {
        Seen s = seen(owned(login, owner), calendar);
        return view(s, withObjects ? rows.all(calendar).stream().map(o -> object(s, o)).toList() : List.of());
    }

    /**
     * The objects of these names (those that do not exist are left out), as the caller may read them.
     *
     * @throws DavRefusal see {@link #calendar}
     */
    public List<DavCard> objects(DavLogin login, long owner, long calendar, Collection<String> names) {
        Seen s = seen(owned(login, owner), calendar);
        return rows.named(calendar, new LinkedHashSet<>(names)).stream().map(o -> object(s, o)).toList();
    }

    /**
     * The objects a {@code calendar-query} matches: with an occurrence in its time range (recurrences expanded in
     * Europe/Paris, changed and deleted occurrences counted where they are), or all of them without one.
     *
     * @throws DavRefusal see {@link #calendar}
     */
    public List<DavCard> query(DavLogin login, long owner, long calendar, CalendarFilter filter) {
        Seen s = seen(owned(login, owner), calendar);
        if (!filter.events()) {
            return List.of();
        }
        List<CalDavRows.Stored> all = rows.all(calendar);
        if (!filter.timed()) {
            return all.stream().map(o -> object(s, o)).toList();
        }
        Instant from = filter.start() == null ? EARLIEST.atZone(EventObject.PARIS).toInstant() : filter.start();
        Instant to = filter.end() == null ? LATEST.atZone(EventObject.PARIS).toInstant() : filter.end();
        Set<Long> near = new LinkedHashSet<>();
        events.meeting(List.of(calendar), from, to).forEach(e -> near.add(e.id()));
        LocalDateTime f = from.atZone(EventObject.PARIS).toLocalDateTime();
        LocalDateTime t = to.atZone(EventObject.PARIS).toLocalDateTime();
        return all.stream().filter(o -> near.contains(o.id()))
                .filter(o -> !EventObject.parse(o.ical()).expand(f, t).isEmpty()).map(o -> object(s, o)).toList();
    }

    /**
     * What changed in a calendar since {@code token} (RFC 6578): objects changed or added, names of those deleted,
     * the new token.
     *
     * @throws DavRefusal see {@link #calendar}; 403 {@code DAV:valid-sync-token} a token not of this calendar
     */
    public DavChanges changes(DavLogin login, long owner, long calendar, String token) {
        Seen s = seen(owned(login, owner), calendar);
        long current = rows.token(calendar);
        long since = SyncToken.counter(token, collection(calendar), current);
        List<DavCard> changed = rows.changedSince(calendar, since).stream().map(o -> object(s, o)).toList();
        Set<String> alive = new LinkedHashSet<>(changed.stream().map(DavCard::name).toList());
        List<String> removed = since == 0 ? List.of()
                : rows.deletedSince(calendar, since).stream().filter(n -> !alive.contains(n)).toList();
        return new DavChanges(SyncToken.of(collection(calendar), current), changed, removed);
    }

    /**
     * Creates or replaces object {@code name} with the iCalendar text a client sent, stored as sent, after its
     * preconditions ({@code If-Match}, {@code If-None-Match: *}).
     *
     * @throws DavRefusal see {@link #calendar}; 403 {@code DAV:need-privileges} the caller may not change the
     *     calendar, or the event is private and the caller is not its owner; 403 a name that is not {@code *.ics};
     *     403 the object is refused ({@link ClientObject#check}); 412 a precondition fails; 409
     *     {@code CALDAV:no-uid-conflict} another object has that UID, or the UID of an object changes
     */
    public DavWrite put(DavLogin login, long owner, long calendar, String name, String text, String ifMatch,
            String ifNoneMatch) {
        Seen s = seen(owned(login, owner), calendar);
        writable(s);
        if (name == null || !name.endsWith(".ics") || name.length() > MAX_NAME || name.contains("/")) {
            throw new DavRefusal(403, null, "caldav.name");
        }
        ClientObject sent = ClientObject.check(text);
        long token = calendars.nextToken(calendar);
        Optional<CalDavRows.Stored> current = rows.named(calendar, List.of(name)).stream().findFirst();
        Preconditions.check(ifMatch, ifNoneMatch, current.map(CalDavCalendars::etag).orElse(null));
        if (!AgendaRights.mayChange(s.level(), RedactedObject.hasPrivatePart(text)
                || current.map(o -> RedactedObject.hasPrivatePart(o.ical())).orElse(false))) {
            throw new DavRefusal(403, Dav.NEED_PRIVILEGES, "caldav.private");
        }
        if (current.isPresent()) {
            if (!sent.uid().equals(current.get().uid())) {
                throw new DavRefusal(409, Dav.CALDAV_NO_UID_CONFLICT, "caldav.uidChanged");
            }
            events.update(current.get().id(), calendar, text, sent.firstStart(), sent.lastEnd(),
                    sent.privateEvent(), token);
        } else {
            if (rows.withUid(calendar, sent.uid()).isPresent()) {
                throw new DavRefusal(409, Dav.CALDAV_NO_UID_CONFLICT, "caldav.uidTaken");
            }
            events.insert(calendar, sent.uid(), text, sent.firstStart(), sent.lastEnd(), sent.privateEvent(), token);
            rows.name(calendar, sent.uid(), name);
        }
        CalDavRows.Stored now = rows.withUid(calendar, sent.uid()).orElseThrow(DavRefusal::notFound);
        return new DavWrite(current.isEmpty(), etag(now));
    }

    /**
     * Deletes object {@code name}, after its preconditions.
     *
     * @throws DavRefusal see {@link #put}; 404 no such object
     */
    public void delete(DavLogin login, long owner, long calendar, String name, String ifMatch, String ifNoneMatch) {
        Seen s = seen(owned(login, owner), calendar);
        writable(s);
        long token = calendars.nextToken(calendar);
        CalDavRows.Stored current = rows.named(calendar, List.of(name)).stream().findFirst()
                .orElseThrow(DavRefusal::notFound);
        Preconditions.check(ifMatch, ifNoneMatch, etag(current));
        if (!AgendaRights.mayChange(s.level(), RedactedObject.hasPrivatePart(current.ical()))) {
            throw new DavRefusal(403, Dav.NEED_PRIVILEGES, "caldav.private");
        }
        events.delete(current.id(), calendar, token);
    }

    /**
     * Checks that {@code owner} is the caller's account: its scheduling outbox exists for the caller only.
     *
     * @throws DavRefusal 401; 404 not the caller's
     */
    public void outbox(DavLogin login, long owner) {
        owned(login, owner);
    }

    /**
     * The busy periods of each attendee of a free/busy request posted to the caller's scheduling outbox (RFC 6638
     * §5): every event of all their calendars met by the window, private ones included, as times only (every
     * colleague may see when another is busy, ADR 0106); merged where they overlap. An address that is no enabled
     * account maps to null (the client shows it unknown).
     *
     * @return per attendee address, the reply to give ({@link FreeBusyQuery#reply}), or null for an unknown one
     * @throws DavRefusal 401; 404 not the caller's outbox; 400 not a free/busy request; 403 a window longer than
     *     {@link Agenda#WINDOW_MAX}
     */
    public Map<String, String> freeBusy(DavLogin login, long owner, String request) {
        owned(login, owner);
        FreeBusyQuery query = FreeBusyQuery.parse(request);
        Instant now = Instant.now();
        if (Duration.between(query.from(), query.to()).compareTo(Agenda.WINDOW_MAX) > 0) {
            throw new DavRefusal(403, Dav.caldav("max-date-time"), "caldav.freeBusy");
        }
        LocalDateTime f = query.from().atZone(EventObject.PARIS).toLocalDateTime();
        LocalDateTime t = query.to().atZone(EventObject.PARIS).toLocalDateTime();
        Map<String, String> out = new LinkedHashMap<>();
        for (String attendee : query.attendees()) {
            Optional<Account> who = accounts.findEnabled(attendee);
            if (who.isEmpty()) {
                out.put(attendee, null);
                continue;
            }
            List<Long> ids = calendars.ofAccount(who.get().getId()).stream().map(CalendarRow::id).toList();
            List<Instant[]> busy = new ArrayList<>();
            for (EventRow r : events.meeting(ids, query.from(), query.to())) {
                for (Occurrence o : EventObject.parse(r.ical()).expand(f, t)) {
                    busy.add(new Instant[] {o.start().atZone(EventObject.PARIS).toInstant(),
                            o.end().atZone(EventObject.PARIS).toInstant()});
                }
            }
            busy.sort(Comparator.comparing((Instant[] p) -> p[0]));
            List<Instant[]> merged = new ArrayList<>();
            for (Instant[] p : busy) {
                Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && !p[0].isAfter(last[1])) {
                    last[1] = p[1].isAfter(last[1]) ? p[1] : last[1];
                } else {
                    merged.add(new Instant[] {p[0].isBefore(query.from()) ? query.from() : p[0],
                            p[1].isAfter(query.to()) ? query.to() : p[1]});
                }
            }
            out.put(attendee, query.reply(attendee, merged, now));
        }
        return out;
    }

    /** The sync-collection name of a calendar. */
    static String collection(long calendar) {
        return "agenda-" + calendar;
    }

    private Account owned(DavLogin login, long owner) {
        DavAccount me = doors.signIn(login);
        if (me.id() != owner) {
            LOG.info("CalDAV: " + me.address() + " asked for the calendars of account " + owner + ": 404");
            throw DavRefusal.notFound();
        }
        return accounts.findEnabled(me.address()).orElseThrow(() -> new DavRefusal(401, null, "dav.signIn"));
    }

    private Seen seen(Account me, long calendar) {
        CalendarRow c = calendars.one(calendar).orElseThrow(DavRefusal::notFound);
        CalendarLevel level = rights.level(me, c);
        if (!level.seesDetails()) {
            LOG.info("CalDAV: " + me.getAddress() + " may see calendar " + calendar + " only as busy: 404");
            throw DavRefusal.notFound();
        }
        return new Seen(c, level);
    }

    /** A calendar the caller may not change, or the school holidays' (read-only for everyone, ADR 0110): 403. */
    private static void writable(Seen s) {
        if (!s.level().mayEdit() || s.row().readOnly()) {
            throw new DavRefusal(403, Dav.NEED_PRIVILEGES, "caldav.readOnly");
        }
    }

    private CalDavCalendar view(Seen s, List<DavCard> objects) {
        CalendarRow c = s.row();
        String shown = s.level() == CalendarLevel.OWNER ? c.name() : c.name() + " — " + c.ownerName();
        return new CalDavCalendar(String.valueOf(c.id()), shown, c.colour(), s.level().mayEdit() && !c.readOnly(),
                SyncToken.of(collection(c.id()), rows.token(c.id())), objects);
    }

    private static DavCard object(Seen s, CalDavRows.Stored o) {
        return new DavCard(o.name(), etag(o), RedactedObject.forViewer(s.level(), o.ical()));
    }

    /** Unique in the calendar across deletions and creations: the row id, then the revision. */
    private static String etag(CalDavRows.Stored o) {
        return "\"" + o.id() + "-" + o.revision() + "\"";
    }
}

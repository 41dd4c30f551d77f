package fr.preau.agenda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.mail.Attachment;
import fr.preau.mail.FolderPath;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OpenedMessage;
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
 * Meetings (AGD-3; docs/adr/0108): the organiser invites colleagues and outside addresses to an event of their own
 * (iMIP REQUEST, RFC 6047), and the mail view reads the iMIP part of a message: an attendee answers a REQUEST (the
 * event lands in their default calendar with their answer, a REPLY goes to the organiser), the organiser's event
 * takes an attendee's REPLY, an attendee removes a cancelled meeting. Only mail from the ORGANIZER changes an
 * attendee's copy, only a REPLY from an attendee (its From is that attendee) changes the organiser's event, and only
 * events of the caller's own calendars are looked up: an iTIP text naming someone else's event changes nothing.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class Meetings {
    /** Attendees one meeting may have. */
    public static final int MAX_ATTENDEES = 100;
    private static final long MAX_ICS = 512 * 1024;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+");

    @Inject
    private MeetingMail mail;

    @Inject
    private EventRows events;

    @Inject
    private CalendarRows calendars;

    @Inject
    private AgendaRights rights;

    @Inject
    private Mailbox mailbox;

    @EJB
    private MailboxAccess access;

    @EJB
    private AccountService accounts;

    @EJB
    private Agenda agenda;

    @Resource
    private SessionContext context;

    private Clock clock = Clock.systemUTC();

    /**
     * The attendees of one of the caller's events, with their answers (empty when it is no meeting).
     *
     * @throws NotFoundException not an event of the caller's own calendars
     */
    public List<Attendance> attendees(long eventId) {
        return attendance(EventObject.parse(own(me(), eventId).ical()));
    }

    /**
     * Makes one of the caller's events a meeting with {@code people} (colleagues' identifiers or addresses, outside
     * addresses), the caller its organiser: those newly invited get a REQUEST, those removed a CANCEL; those already
     * invited keep their answer. The same list again changes and sends nothing. An empty list ends the meeting
     * (everyone gets a CANCEL).
     *
     * @return the attendees now
     * @throws NotFoundException not an event of the caller's own calendars
     * @throws InvalidInputException field {@code attendees}: an unknown identifier, a malformed address, too many;
     *     nothing changes
     */
    public List<Attendance> invite(long eventId, List<String> people) {
        Account me = me();
        EventRow r = own(me, eventId);
        Agenda.refuseReadOnly(calendars.one(r.calendarId()).orElseThrow(() -> eventGone(eventId)));
        List<String> addresses = resolve(people, Itip.address(me.getAddress()));
        EventObject before = EventObject.parse(r.ical());
        Set<String> added = new LinkedHashSet<>(addresses);
        added.removeAll(before.attendees().keySet());
        Set<String> removed = new LinkedHashSet<>(before.attendees().keySet());
        removed.removeAll(addresses);
        if (added.isEmpty() && removed.isEmpty()) {
            return attendance(before);
        }
        EventObject after = Itip.invite(before, Itip.address(me.getAddress()), me.getDisplayName(), addresses);
        if (!removed.isEmpty()) {
            after = after.withSequence(before.sequence() + 1);
        }
        if (!events.update(r.id(), r.calendarId(), after.text(), after.firstStart(), after.lastEnd().orElse(null),
                after.isPrivate(), calendars.nextToken(r.calendarId()))) {
            throw eventGone(eventId);
        }
        EventObject cancelled = after.attendees().isEmpty()
                ? Itip.invite(before, Itip.address(me.getAddress()), me.getDisplayName(), before.attendees().keySet())
                .withSequence(after.sequence()) : after;
        mail.cancel(cancelled, null, removed);
        mail.request(after, added, false);
        return attendance(after);
    }

    /**
     * Checks a list of participants as {@link #invite} would take it, changing nothing (the dialog asks before it
     * creates the event).
     *
     * @throws InvalidInputException as {@link #invite}
     */
    public void check(List<String> people) {
        resolve(people, Itip.address(me().getAddress()));
    }

    /**
     * The free/busy grid of {@code day} for the caller and {@code people}: each one's busy times as {@link Agenda}
     * gives them to the caller (through {@link AgendaRights}: a busy-only or private event is a time and nothing
     * else; only times leave here in any case), all-day events left out (holidays, trips: markers, as most clients
     * treat them), and the first {@code max} common free starts for a meeting of {@code length}.
     *
     * @throws InvalidInputException field {@code attendees} as {@link #invite}
     */
    public Availability availability(List<String> people, LocalDate day, Duration length, int max) {
        Account me = me();
        List<String> names = new ArrayList<>();
        names.add(Itip.address(me.getAddress()));
        resolve(people, names.get(0));
        for (String p : people == null ? List.<String>of() : people) {
            if (p != null && !p.isBlank() && !names.contains(p.strip())) {
                names.add(p.strip());
            }
        }
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime to = from.plusDays(1);
        List<Availability.Person> rows = new ArrayList<>();
        List<FreeSlots.Busy> all = new ArrayList<>();
        for (String n : names) {
            if (accounts.findEnabled(n).isEmpty()) {
                rows.add(new Availability.Person(n, false, List.of()));
                continue;
            }
            List<Long> ids = agenda.calendarsOf(n).stream().map(AgendaCalendar::id).toList();
            List<Availability.Block> blocks = new ArrayList<>();
            for (AgendaEntry e : agenda.entries(ids, from, to)) {
                if (!e.allDay()) {
                    LocalDateTime s = e.start().isBefore(from) ? from : e.start();
                    LocalDateTime t = e.end().isAfter(to) ? to : e.end();
                    blocks.add(new Availability.Block(s, t));
                    all.add(new FreeSlots.Busy(s, t));
                }
            }
            rows.add(new Availability.Person(n, true, blocks));
        }
        return new Availability(rows, FreeSlots.first(day, length, all, max));
    }

    /**
     * The iMIP part of a message of the mailbox the mail view works in, if it has one that reads (none in a
     * delegated mailbox: answering is one's own).
     */
    public Optional<Invitation> invitation(FolderPath folder, MessageUid uid) {
        MailboxContext ctx = access.current();
        if (ctx.delegated()) {
            return Optional.empty();
        }
        Optional<Found> found = read(ctx, folder, uid);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Itip.Received it = found.get().itip();
        Account me = me();
        String mine = Itip.address(me.getAddress());
        Optional<EventObject> copy = copy(me, it.uid()).map(r -> EventObject.parse(r.ical()))
                .filter(c -> it.organizer() != null && it.organizer().equals(c.organizer()));
        String replier = null;
        String status = null;
        if (Itip.REPLY.equals(it.method()) && it.attendees().size() == 1) {
            replier = it.attendees().keySet().iterator().next();
            status = it.attendees().get(replier);
        }
        EventDraft d = it.event() == null ? null : it.event().draft();
        LocalDateTime start = d != null ? d.start() : it.start();
        LocalDateTime end = d == null ? null : d.allDay() ? d.end().plusDays(1) : d.end();
        if (it.recurrenceId() != null) {
            start = it.recurrenceId();
        }
        return Optional.of(new Invitation(it.method(), d != null ? d.title() : it.title(), start, end,
                d != null && d.allDay(), d == null ? null : d.location(), it.organizer(),
                d == null ? Repeat.NONE : d.repeat(), it.recurrenceId(),
                copy.map(c -> c.attendees().get(mine)).orElse(null), copy.isPresent(),
                copy.map(c -> c.sequence() > it.sequence()).orElse(false), replier, status));
    }

    /**
     * Answers the invitation of a message: {@code answer} ACCEPTED, TENTATIVE or DECLINED. Accepted or tentative, the
     * meeting is put (or updated) in the caller's agenda with that answer (the default calendar for a new one);
     * declined, the caller's copy is removed. A REPLY naming only the caller goes to the organiser.
     *
     * @throws NotFoundException no invitation in that message
     * @throws InvalidInputException field {@code answer}: not one of the three; not addressed to the caller, not from
     *     its organiser, older than the caller's copy, or the UID of one of the caller's own events; nothing changes
     */
    public void answer(FolderPath folder, MessageUid uid, String answer) {
        if (answer == null || !Itip.ANSWERS.contains(answer)) {
            throw new InvalidInputException("answer", "agenda.invitation.answer", String.valueOf(answer));
        }
        MailboxContext ctx = access.current();
        Found f = ctx.delegated() ? null : read(ctx, folder, uid).filter(x -> Itip.REQUEST.equals(x.itip().method())
                && x.itip().event() != null).orElse(null);
        if (f == null) {
            throw new NotFoundException("agenda.invitation.gone", uid.toString());
        }
        Itip.Received it = f.itip();
        Account me = me();
        String mine = Itip.address(me.getAddress());
        if (!it.attendees().containsKey(mine) || it.organizer() == null || it.organizer().equals(mine)
                || !it.organizer().equals(f.from())) {
            throw new InvalidInputException("answer", "agenda.invitation.foreign", it.organizer());
        }
        Optional<EventRow> existing = copy(me, it.uid());
        if (existing.isPresent()) {
            EventObject c = EventObject.parse(existing.get().ical());
            if (!it.organizer().equals(c.organizer())) {
                throw new InvalidInputException("answer", "agenda.invitation.foreign", it.organizer());
            }
            if (c.sequence() > it.sequence()) {
                throw new InvalidInputException("answer", "agenda.invitation.outdated", it.uid());
            }
        }
        EventObject stored = Itip.withAnswer(it.event(), mine, answer);
        try {
            stored.firstStart();
            stored.lastEnd();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("answer", "agenda.invitation.unreadable", it.uid());
        }
        if ("DECLINED".equals(answer)) {
            existing.ifPresent(r -> events.delete(r.id(), r.calendarId(), calendars.nextToken(r.calendarId())));
        } else if (existing.isPresent()) {
            EventRow r = existing.get();
            events.update(r.id(), r.calendarId(), stored.text(), stored.firstStart(), stored.lastEnd().orElse(null),
                    stored.isPrivate(), calendars.nextToken(r.calendarId()));
        } else {
            long cal = agenda.calendars().get(0).id();
            events.insert(cal, stored.uid(), stored.text(), stored.firstStart(), stored.lastEnd().orElse(null),
                    stored.isPrivate(), calendars.nextToken(cal));
        }
        mail.reply(stored, mine, answer);
    }

    /**
     * Applies the attendee's REPLY of a message to the caller's meeting: only when the caller organises it, the
     * message comes from that attendee (its From), names only them, is an attendee of it and is not older than it.
     * Applying it twice changes nothing the second time.
     *
     * @return the attendee's answer as the meeting now holds it; empty when nothing applies
     */
    public Optional<Attendance> applyReply(FolderPath folder, MessageUid uid) {
        MailboxContext ctx = access.current();
        Found f = ctx.delegated() ? null : read(ctx, folder, uid).filter(x -> Itip.REPLY.equals(x.itip().method())
                && x.itip().attendees().size() == 1).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        Itip.Received it = f.itip();
        String who = it.attendees().keySet().iterator().next();
        String answer = it.attendees().get(who);
        Account me = me();
        String mine = Itip.address(me.getAddress());
        if (!who.equals(f.from()) || !Itip.ANSWERS.contains(answer)) {
            return Optional.empty();
        }
        Optional<EventRow> row = copy(me, it.uid());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        EventObject o = EventObject.parse(row.get().ical());
        if (!mine.equals(o.organizer()) || !o.attendees().containsKey(who) || it.sequence() < o.sequence()) {
            return Optional.empty();
        }
        if (!answer.equals(o.attendees().get(who))) {
            EventObject after = Itip.withAnswer(o, who, answer);
            EventRow r = row.get();
            events.update(r.id(), r.calendarId(), after.text(), after.firstStart(), after.lastEnd().orElse(null),
                    after.isPrivate(), calendars.nextToken(r.calendarId()));
        }
        return Optional.of(new Attendance(who, answer));
    }

    /**
     * Removes a cancelled meeting (or the cancelled occurrence) from the caller's agenda: only the copy with that UID
     * whose organiser sent the CANCEL (its From).
     *
     * @return whether something was removed
     */
    public boolean removeCancelled(FolderPath folder, MessageUid uid) {
        MailboxContext ctx = access.current();
        Found f = ctx.delegated() ? null : read(ctx, folder, uid).filter(x -> Itip.CANCEL.equals(x.itip().method()))
                .orElse(null);
        if (f == null || f.itip().organizer() == null || !f.itip().organizer().equals(f.from())) {
            return false;
        }
        Account me = me();
        Optional<EventRow> row = copy(me, f.itip().uid());
        if (row.isEmpty()) {
            return false;
        }
        EventRow r = row.get();
        EventObject o = EventObject.parse(r.ical());
        if (!f.itip().organizer().equals(o.organizer()) || f.itip().organizer().equals(Itip.address(me.getAddress()))) {
            return false;
        }
        long token = calendars.nextToken(r.calendarId());
        LocalDateTime rid = f.itip().recurrenceId();
        if (rid != null && o.repeats()) {
            if (!o.hasOccurrence(rid)) {
                return false;
            }
            EventObject after = o.withoutOccurrence(rid, clock.instant());
            return events.update(r.id(), r.calendarId(), after.text(), after.firstStart(),
                    after.lastEnd().orElse(null), after.isPrivate(), token);
        }
        return events.delete(r.id(), r.calendarId(), token);
    }

    /** The meeting of a series cut at an occurrence ("celle-ci et les suivantes"): its second half, same people. */
    static EventObject continuing(EventObject series, EventObject tail) {
        if (series.attendees().isEmpty() || series.organizer() == null) {
            return tail;
        }
        return Itip.invite(tail, series.organizer(), null, series.attendees().keySet());
    }

    private record Found(Itip.Received itip, String from) {
    }

    private Optional<Found> read(MailboxContext ctx, FolderPath folder, MessageUid uid) {
        OpenedMessage m = mailbox.open(ctx, folder, uid, false);
        Optional<Attachment> part = m.parsed().attachments().stream()
                .filter(a -> "text/calendar".equalsIgnoreCase(a.contentType())).findFirst()
                .or(() -> m.parsed().attachments().stream().filter(a -> a.name() != null
                && a.name().toLowerCase(Locale.ROOT).endsWith(".ics")).findFirst());
        if (part.isEmpty() || part.get().size() > MAX_ICS) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mailbox.download(ctx, folder, uid, part.get().part(), a -> out);
        try {
            Itip.Received it = Itip.read(out.toString(StandardCharsets.UTF_8));
            String from = m.summary().from() == null ? null : Itip.address(m.summary().from().address());
            return Optional.of(new Found(it, from));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The caller's event with this UID in one of their own calendars. */
    private Optional<EventRow> copy(Account me, String uid) {
        List<Long> mine = calendars.ofAccount(me.getId()).stream().filter(c -> !c.readOnly()).map(CalendarRow::id)
                .toList();
        return events.byUid(mine, uid);
    }

    private EventRow own(Account me, long eventId) {
        EventRow r = events.one(eventId).orElseThrow(() -> eventGone(eventId));
        CalendarRow c = calendars.one(r.calendarId()).orElseThrow(() -> eventGone(eventId));
        if (rights.level(me, c) != CalendarLevel.OWNER) {
            throw eventGone(eventId);
        }
        return r;
    }

    private List<String> resolve(List<String> people, String organizer) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : people == null ? List.<String>of() : people) {
            String v = p == null ? "" : p.strip();
            if (v.isEmpty()) {
                continue;
            }
            Optional<Account> a = accounts.findEnabled(v);
            if (a.isPresent()) {
                out.add(Itip.address(a.get().getAddress()));
            } else if (ADDRESS.matcher(v).matches() && v.length() <= 254) {
                out.add(Itip.address(v));
            } else {
                throw new InvalidInputException("attendees", v.contains("@") ? "agenda.attendee.invalid"
                        : "agenda.attendee.unknown", v);
            }
        }
        out.remove(organizer);
        if (out.size() > MAX_ATTENDEES) {
            throw new InvalidInputException("attendees", "agenda.attendee.many", String.valueOf(MAX_ATTENDEES));
        }
        return new ArrayList<>(out);
    }

    private static List<Attendance> attendance(EventObject o) {
        List<Attendance> out = new ArrayList<>();
        for (Map.Entry<String, String> e : o.attendees().entrySet()) {
            out.add(new Attendance(e.getKey(), e.getValue()));
        }
        return out;
    }

    private Account me() {
        String name = context.getCallerPrincipal().getName();
        return accounts.findEnabled(name).orElseThrow(() -> new NotFoundException("agenda.person.unknown", name));
    }

    private static NotFoundException eventGone(long id) {
        return new NotFoundException("agenda.event.gone", String.valueOf(id));
    }

    void clock(Clock value) {
        clock = value;
    }
}

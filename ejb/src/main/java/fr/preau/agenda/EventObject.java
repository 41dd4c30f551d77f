package fr.preau.agenda;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Clazz;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Uid;

/**
 * One event as an iCalendar object (docs/adr/0106): the master VEVENT (with its RRULE and EXDATEs) and one VEVENT per
 * changed occurrence (same UID, RECURRENCE-ID), all times in Europe/Paris. Immutable: every change answers a new
 * object. Pure logic (ical4j, no server): {@code EventObjectTest}.
 *
 * <p>Expansion works on wall-clock times: the RRULE is applied by ical4j to a start in Europe/Paris, so a weekly 8:00
 * lesson stays at 8:00 across the daylight-saving changes; every occurrence lasts the master's wall-clock length.
 */
final class EventObject {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Occurrences one event may give in one window, at most. */
    static final int MAX_IN_WINDOW = 1000;
    private static final String PRODID = "-//Préau//Agenda//FR";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDateTime FAR = LocalDateTime.of(2200, 1, 1, 0, 0);
    /** The properties the dialog writes (or that follow from it): an edit replaces these and keeps every other. */
    private static final Set<String> OWNED = Set.of(Property.UID, Property.DTSTAMP, Property.DTSTART, Property.DTEND,
            Property.DURATION, Property.SUMMARY, Property.LOCATION, Property.DESCRIPTION, Property.CLASS,
            Property.RRULE, Property.EXDATE, Property.RDATE, Property.RECURRENCE_ID);

    private final String uid;
    private final VEvent master;
    private final List<VEvent> changed;

    private EventObject(String uid, VEvent master, List<VEvent> changed) {
        this.uid = uid;
        this.master = master;
        this.changed = List.copyOf(changed);
    }

    /** A new event. */
    static EventObject create(String uid, EventDraft d, Instant stamp) {
        VEvent m = vevent(uid, d, stamp);
        if (d.repeat().repeats()) {
            m.add(rrule(d.repeat(), d.allDay()));
        }
        return new EventObject(uid, m, List.of());
    }

    /**
     * The object stored as {@code text}.
     *
     * @throws IllegalArgumentException not an iCalendar object with one master VEVENT
     */
    static EventObject parse(String text) {
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            throw new IllegalArgumentException("not an iCalendar object", e);
        }
        VEvent m = null;
        List<VEvent> changed = new ArrayList<>();
        for (Component c : cal.getComponents(Component.VEVENT)) {
            VEvent v = (VEvent) c;
            if (v.getProperty(Property.RECURRENCE_ID).isPresent()) {
                changed.add(v);
            } else if (m == null) {
                m = v;
            }
        }
        if (m == null) {
            throw new IllegalArgumentException("no master VEVENT");
        }
        return new EventObject(value(m, Property.UID), m, changed);
    }

    /** The iCalendar text (VCALENDAR). */
    String text() {
        Calendar cal = new Calendar().withProdId(PRODID).withDefaults().withComponent(master).getFluentTarget();
        for (VEvent v : changed) {
            cal.add(v);
        }
        return cal.toString();
    }

    String uid() {
        return uid;
    }

    /** Whether the master says CLASS:PRIVATE (or CONFIDENTIAL). */
    boolean isPrivate() {
        String c = value(master, Property.CLASS);
        return "PRIVATE".equalsIgnoreCase(c) || "CONFIDENTIAL".equalsIgnoreCase(c);
    }

    /** Whether it repeats. */
    boolean repeats() {
        return master.getProperty(Property.RRULE).isPresent();
    }

    /** The master as the dialog shows it, with its repeat. */
    EventDraft draft() {
        return draftOf(master, repeat());
    }

    /** The repeat of the master. */
    Repeat repeat() {
        Optional<String> rule = master.getProperty(Property.RRULE).map(Property::getValue);
        if (rule.isEmpty()) {
            return Repeat.NONE;
        }
        Recur<Temporal> r = new Recur<>(rule.get());
        LocalDate until = r.getUntil() == null ? null : untilDay(r.getUntil());
        return Repeat.of(rule.get(), until);
    }

    /** Start of the master (the first occurrence). */
    LocalDateTime start() {
        return local(date(master, Property.DTSTART));
    }

    /** Start of the first occurrence, as an instant (for the window index). */
    Instant firstStart() {
        LocalDateTime first = start();
        for (VEvent v : changed) {
            LocalDateTime s = local(date(v, Property.DTSTART));
            first = s.isBefore(first) ? s : first;
        }
        return first.atZone(PARIS).toInstant();
    }

    /** End of the last occurrence as an instant; empty when it repeats without end. */
    Optional<Instant> lastEnd() {
        LocalDateTime last = start().plus(length());
        Optional<String> rule = master.getProperty(Property.RRULE).map(Property::getValue);
        if (rule.isPresent()) {
            Recur<Temporal> r = new Recur<>(rule.get());
            if (r.getUntil() == null && r.getCount() < 1) {
                return Optional.empty();
            }
            List<LocalDateTime> starts = starts(start().minusDays(1), FAR, Integer.MAX_VALUE);
            if (!starts.isEmpty()) {
                last = starts.get(starts.size() - 1).plus(length());
            }
        }
        for (VEvent v : changed) {
            LocalDateTime e = end(v);
            last = e.isAfter(last) ? e : last;
        }
        return Optional.of(last.atZone(PARIS).toInstant());
    }

    /** Whether {@code rid} is the original start of one of its occurrences (deleted ones excepted). */
    boolean hasOccurrence(LocalDateTime rid) {
        if (!repeats()) {
            return rid == null || rid.equals(start());
        }
        return rid != null && !exdates().contains(rid) && starts(rid, rid, 1).contains(rid);
    }

    /**
     * The occurrences that meet {@code [from, to)} (wall-clock times), by start, changed occurrences where they
     * were moved to, deleted ones left out.
     */
    List<Occurrence> expand(LocalDateTime from, LocalDateTime to) {
        List<Occurrence> out = new ArrayList<>();
        Duration length = length();
        boolean allDay = isDate(master);
        Set<LocalDateTime> skip = exdates();
        List<LocalDateTime> changedIds = new ArrayList<>();
        for (VEvent v : changed) {
            changedIds.add(local(date(v, Property.RECURRENCE_ID)));
        }
        skip.addAll(changedIds);
        boolean repeats = repeats();
        List<LocalDateTime> starts = repeats ? starts(from.minus(length), to, MAX_IN_WINDOW) : List.of(start());
        for (LocalDateTime s : starts) {
            LocalDateTime e = s.plus(length);
            if (!skip.contains(s) && meets(s, e, from, to)) {
                out.add(occurrence(master, repeats ? s : null, s, e, allDay));
            }
        }
        for (int i = 0; i < changed.size(); i++) {
            VEvent v = changed.get(i);
            LocalDateTime s = local(date(v, Property.DTSTART));
            LocalDateTime e = end(v);
            if (meets(s, e, from, to)) {
                out.add(occurrence(v, changedIds.get(i), s, e, isDate(v)));
            }
        }
        out.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::title));
        return out;
    }

    /** The occurrence whose original start is {@code rid} (null: the event that does not repeat), as it is now. */
    Optional<Occurrence> occurrence(LocalDateTime rid) {
        if (!hasOccurrence(rid) && changedAt(rid).isEmpty()) {
            return Optional.empty();
        }
        Optional<VEvent> c = changedAt(rid);
        if (c.isPresent()) {
            VEvent v = c.get();
            LocalDateTime s = local(date(v, Property.DTSTART));
            return Optional.of(occurrence(v, rid, s, end(v), isDate(v)));
        }
        LocalDateTime s = rid == null ? start() : rid;
        return Optional.of(occurrence(master, rid, s, s.plus(length()), isDate(master)));
    }

    /** "Toutes": the master replaced; changed and deleted occurrences kept only when start and repeat stay. */
    EventObject withMaster(EventDraft d, Instant stamp) {
        boolean same = d.start().equals(start()) && d.repeat().equals(repeat()) && d.allDay() == isDate(master);
        VEvent m = keeping(master, vevent(uid, d, stamp));
        if (d.repeat().repeats()) {
            m.add(rrule(d.repeat(), d.allDay()));
            if (same) {
                master.getProperties(Property.EXDATE).forEach(m::add);
                master.getProperties(Property.RDATE).forEach(m::add);
            }
        }
        return new EventObject(uid, m, same ? changed : List.of());
    }

    /** "Cette occurrence" changed: a VEVENT with RECURRENCE-ID {@code rid} (replacing an earlier change of it). */
    EventObject withOccurrence(LocalDateTime rid, EventDraft d, Instant stamp) {
        VEvent v = keeping(changedAt(rid).orElse(master), vevent(uid, d.repeating(Repeat.NONE), stamp));
        v.add(isDate(master) ? new RecurrenceId<>(new ParameterList(List.of(Value.DATE)), DAY.format(rid))
                : new RecurrenceId<>(new ParameterList(List.of(new TzId(PARIS.getId()))), LOCAL.format(rid)));
        List<VEvent> c = new ArrayList<>(changed);
        c.removeIf(x -> rid.equals(local(date(x, Property.RECURRENCE_ID))));
        c.add(v);
        return new EventObject(uid, touched(master, stamp), c);
    }

    /** "Cette occurrence" deleted: an EXDATE, and its change (if any) gone. */
    EventObject withoutOccurrence(LocalDateTime rid, Instant stamp) {
        VEvent m = touched(master, stamp);
        m.add(isDate(master) ? new ExDate<>(new ParameterList(List.of(Value.DATE)), DAY.format(rid))
                : new ExDate<>(new ParameterList(List.of(new TzId(PARIS.getId()))), LOCAL.format(rid)));
        List<VEvent> c = new ArrayList<>(changed);
        c.removeIf(x -> rid.equals(local(date(x, Property.RECURRENCE_ID))));
        return new EventObject(uid, m, c);
    }

    /**
     * The series cut before occurrence {@code rid} ("celle-ci et les suivantes" deleted, or the first half of a
     * series changed from there): UNTIL just before it, later changes dropped. {@code rid} must not be the first.
     */
    EventObject endingBefore(LocalDateTime rid, Instant stamp) {
        boolean allDay = isDate(master);
        Repeat r = repeat();
        LocalDate lastDay = allDay ? rid.toLocalDate().minusDays(1) : rid.minusSeconds(1).toLocalDate();
        VEvent m = keeping(master, vevent(uid, draft(), stamp));
        String until = allDay ? DAY.format(lastDay)
                : LOCAL.format(rid.minusSeconds(1).atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC)) + "Z";
        m.add(new RRule<>(new Recur<>(r.ruleWithoutEnd() + ";UNTIL=" + until)));
        master.getProperties(Property.EXDATE).forEach(m::add);
        master.getProperties(Property.RDATE).forEach(m::add);
        List<VEvent> c = new ArrayList<>(changed);
        c.removeIf(x -> !local(date(x, Property.RECURRENCE_ID)).isBefore(rid));
        return new EventObject(uid, m, c);
    }

    /** The wall-clock length of every occurrence (the master's). */
    private Duration length() {
        return Duration.between(start(), end(master));
    }

    /** Original starts of the master's occurrences that start in {@code [from, to]}, at most {@code max}. */
    private List<LocalDateTime> starts(LocalDateTime from, LocalDateTime to, int max) {
        String rule = master.getProperty(Property.RRULE).map(Property::getValue).orElseThrow();
        List<LocalDateTime> out = new ArrayList<>();
        if (isDate(master)) {
            Recur<LocalDate> r = new Recur<>(rule);
            for (LocalDate d : r.getDates(start().toLocalDate(), from.toLocalDate(), to.toLocalDate(), max)) {
                out.add(d.atStartOfDay());
            }
        } else {
            Recur<ZonedDateTime> r = new Recur<>(rule);
            for (ZonedDateTime z : r.getDates(start().atZone(PARIS), from.atZone(PARIS), to.atZone(PARIS), max)) {
                out.add(z.withZoneSameInstant(PARIS).toLocalDateTime());
            }
        }
        out.removeIf(s -> s.isBefore(from) || s.isAfter(to));
        return out;
    }

    private Set<LocalDateTime> exdates() {
        Set<LocalDateTime> out = new HashSet<>();
        for (Property p : master.getProperties(Property.EXDATE)) {
            for (Object t : ((ExDate<?>) p).getDates()) {
                out.add(local((Temporal) t));
            }
        }
        return out;
    }

    private Optional<VEvent> changedAt(LocalDateTime rid) {
        return rid == null ? Optional.empty()
                : changed.stream().filter(v -> rid.equals(local(date(v, Property.RECURRENCE_ID)))).findFirst();
    }

    private static boolean meets(LocalDateTime s, LocalDateTime e, LocalDateTime from, LocalDateTime to) {
        return s.isBefore(to) && (e.isAfter(from) || (e.equals(s) && !s.isBefore(from)));
    }

    private static Occurrence occurrence(VEvent v, LocalDateTime rid, LocalDateTime s, LocalDateTime e,
            boolean allDay) {
        return new Occurrence(rid, s, e, allDay, value(v, Property.SUMMARY), value(v, Property.LOCATION),
                value(v, Property.DESCRIPTION), "PRIVATE".equalsIgnoreCase(value(v, Property.CLASS))
                || "CONFIDENTIAL".equalsIgnoreCase(value(v, Property.CLASS)));
    }

    private static EventDraft draftOf(VEvent v, Repeat r) {
        boolean allDay = isDate(v);
        LocalDateTime s = local(date(v, Property.DTSTART));
        LocalDateTime e = end(v);
        String c = value(v, Property.CLASS);
        return new EventDraft(value(v, Property.SUMMARY), allDay, s, allDay ? e.minusDays(1) : e,
                value(v, Property.LOCATION), value(v, Property.DESCRIPTION),
                "PRIVATE".equalsIgnoreCase(c) || "CONFIDENTIAL".equalsIgnoreCase(c), r);
    }

    /** The master with a new DTSTAMP (a copy). */
    private static VEvent touched(VEvent v, Instant stamp) {
        VEvent copy = v.copy();
        copy.replace(new DtStamp(stamp));
        return copy;
    }

    /**
     * {@code fresh} (made from the dialog's draft) with what {@code old} holds that the dialog does not own: ATTENDEE,
     * ORGANIZER, SEQUENCE, X- and other properties, and VALARMs (as {@code ContactCards.write} keeps a vCard's).
     */
    private static VEvent keeping(VEvent old, VEvent fresh) {
        for (Property p : old.getProperties()) {
            if (!OWNED.contains(p.getName().toUpperCase(java.util.Locale.ROOT))) {
                fresh.add(p.copy());
            }
        }
        for (Component c : old.getComponentList().getAll()) {
            fresh.add(c.copy());
        }
        return fresh;
    }

    private static VEvent vevent(String uid, EventDraft d, Instant stamp) {
        VEvent v = d.allDay() ? new VEvent(d.start().toLocalDate(), d.end().toLocalDate().plusDays(1), d.title())
                : new VEvent(d.start().atZone(PARIS), d.end().atZone(PARIS), d.title());
        v.replace(new DtStamp(stamp));
        v.add(new Uid(uid));
        if (d.location() != null) {
            v.add(new Location(d.location()));
        }
        if (d.description() != null) {
            v.add(new Description(d.description()));
        }
        if (d.privateEvent()) {
            v.add(new Clazz("PRIVATE"));
        }
        return v;
    }

    private static RRule<Temporal> rrule(Repeat r, boolean allDay) {
        String rule = r.ruleWithoutEnd();
        if (r.count() != null) {
            rule += ";COUNT=" + r.count();
        } else if (r.until() != null) {
            rule += ";UNTIL=" + (allDay ? DAY.format(r.until())
                    : LOCAL.format(r.until().plusDays(1).atStartOfDay(PARIS).minusSeconds(1)
                    .withZoneSameInstant(ZoneOffset.UTC)) + "Z");
        }
        return new RRule<>(new Recur<>(rule));
    }

    private static LocalDate untilDay(Temporal until) {
        return until instanceof LocalDate d ? d : local(until).toLocalDate();
    }

    private static boolean isDate(VEvent v) {
        return date(v, Property.DTSTART) instanceof LocalDate;
    }

    private static LocalDateTime end(VEvent v) {
        Temporal e = v.getProperty(Property.DTEND).map(p -> ((DateProperty<?>) p).getDate()).orElse(null);
        if (e != null) {
            return local(e);
        }
        LocalDateTime s = local(date(v, Property.DTSTART));
        return isDate(v) ? s.plusDays(1) : s;
    }

    private static Temporal date(VEvent v, String name) {
        return v.getProperty(name).map(p -> (Temporal) ((DateProperty<?>) p).getDate()).orElseThrow(
                () -> new IllegalArgumentException("no " + name));
    }

    /** A DATE or DATE-TIME as a Europe/Paris wall-clock time (a floating time is taken as one). */
    static LocalDateTime local(Temporal t) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (t instanceof LocalDateTime l) {
            return l;
        }
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(PARIS).toLocalDateTime();
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(PARIS).toLocalDateTime();
        }
        if (t instanceof Instant i) {
            return i.atZone(PARIS).toLocalDateTime();
        }
        throw new IllegalArgumentException("unexpected date " + t);
    }

    private static String value(Component c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse(null);
    }

    // Meetings (docs/adr/0108): what iTIP reads and changes; appended here, used by Itip and Meetings.

    /** An object made of these VEVENTs (iTIP messages read). */
    static EventObject of(String uid, VEvent master, List<VEvent> changed) {
        return new EventObject(uid, master, changed);
    }

    VEvent master() {
        return master;
    }

    List<VEvent> changed() {
        return changed;
    }

    /** The organiser's address (ORGANIZER, without {@code mailto:}, lower case), or null when not a meeting. */
    String organizer() {
        return Itip.address(value(master, Property.ORGANIZER));
    }

    /** The attendees' addresses (lower case) with their PARTSTAT, in order. */
    java.util.Map<String, String> attendees() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Property p : master.getProperties(Property.ATTENDEE)) {
            out.put(Itip.address(p.getValue()), p.getParameter(net.fortuna.ical4j.model.Parameter.PARTSTAT)
                    .map(x -> ((net.fortuna.ical4j.model.Parameter) x).getValue()).orElse("NEEDS-ACTION"));
        }
        return out;
    }

    /** SEQUENCE of the master (0 when absent). */
    int sequence() {
        String s = value(master, Property.SEQUENCE);
        return s == null ? 0 : Integer.parseInt(s.strip());
    }

    /** Every VEVENT with SEQUENCE {@code n}. */
    EventObject withSequence(int n) {
        return map(v -> v.replace(new net.fortuna.ical4j.model.property.Sequence(n)));
    }

    /** Every VEVENT with this change (a copy of each). */
    EventObject map(java.util.function.Consumer<VEvent> change) {
        VEvent m = master.copy();
        change.accept(m);
        List<VEvent> c = new ArrayList<>();
        for (VEvent v : changed) {
            VEvent x = v.copy();
            change.accept(x);
            c.add(x);
        }
        return new EventObject(uid, m, c);
    }
}

package fr.preau.agenda;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;

/**
 * iTIP (RFC 5546) on the agenda's iCalendar objects, pure logic (docs/adr/0108; {@code ItipTest}): an event made a
 * meeting (ORGANIZER, ATTENDEEs), the REQUEST, CANCEL and REPLY texts that iMIP mail carries (RFC 6047), and an
 * iTIP text read back. Addresses are compared in lower case, without {@code mailto:}.
 */
final class Itip {
    static final String REQUEST = "REQUEST";
    static final String REPLY = "REPLY";
    static final String CANCEL = "CANCEL";
    /** The answers an attendee may give (PARTSTAT). */
    static final List<String> ANSWERS = List.of("ACCEPTED", "TENTATIVE", "DECLINED");
    private static final String PRODID = "-//Préau//Agenda//FR";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    /** What a change of the portal or of a client may touch without the attendees having to hear of it. */
    private static final String[] NOT_FOR_ATTENDEES = {Property.DTSTAMP, Property.SEQUENCE, Property.ATTENDEE,
        Property.ORGANIZER, Property.LAST_MODIFIED, Property.CLASS};

    /**
     * An iTIP message read.
     *
     * @param method REQUEST, REPLY, CANCEL (upper case) or another
     * @param uid the UID of its VEVENTs
     * @param sequence SEQUENCE of its first VEVENT
     * @param organizer the organiser's address, or null
     * @param attendees the first VEVENT's attendees with their PARTSTAT
     * @param recurrenceId the occurrence meant when the message carries only one changed occurrence, else null
     * @param event the whole object when it carries a master VEVENT, else null
     * @param title SUMMARY of its first VEVENT, or null
     * @param start DTSTART of its first VEVENT (Paris wall clock), or null
     */
    record Received(String method, String uid, int sequence, String organizer, Map<String, String> attendees,
            LocalDateTime recurrenceId, EventObject event, String title, LocalDateTime start) {
    }

    private Itip() {
    }

    /** {@code mailto:x@y} (any case) as {@code x@y} in lower case; null stays null. */
    static String address(String calAddress) {
        if (calAddress == null) {
            return null;
        }
        String a = calAddress.strip();
        if (a.regionMatches(true, 0, "mailto:", 0, 7)) {
            a = a.substring(7);
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /**
     * The event as a meeting of {@code organizer} with {@code addresses}: ORGANIZER and ATTENDEEs on every VEVENT;
     * an attendee already there keeps their answer, a new one is NEEDS-ACTION with RSVP=TRUE. No address: not a
     * meeting any more (ORGANIZER and ATTENDEEs removed).
     */
    static EventObject invite(EventObject o, String organizer, String organizerName, Collection<String> addresses) {
        Map<String, String> before = o.attendees();
        return o.map(v -> {
            v.removeAll(Property.ORGANIZER, Property.ATTENDEE);
            if (addresses.isEmpty()) {
                return;
            }
            List<Parameter> op = new ArrayList<>();
            if (organizerName != null && !organizerName.isBlank()) {
                op.add(new Cn(organizerName));
            }
            v.add(new Organizer(new ParameterList(op), "mailto:" + organizer));
            for (String a : addresses) {
                String partstat = before.getOrDefault(a, PartStat.NEEDS_ACTION.getValue());
                v.add(attendee(a, partstat, true));
            }
        });
    }

    /** The event with {@code attendee}'s PARTSTAT set to {@code partstat} on every VEVENT (unknown attendee: same). */
    static EventObject withAnswer(EventObject o, String attendee, String partstat) {
        return o.map(v -> {
            List<Property> atts = new ArrayList<>(v.getProperties(Property.ATTENDEE));
            for (Property p : atts) {
                if (attendee.equals(address(p.getValue()))) {
                    Property copy = p.copy();
                    copy.replace(new PartStat(partstat));
                    copy.remove(Rsvp.TRUE);
                    v.remove(p);
                    v.add(copy);
                }
            }
        });
    }

    /** Whether the two objects are the same meeting for its attendees (answers, stamps, sequence left aside). */
    static boolean sameForAttendees(EventObject a, EventObject b) {
        return essence(a).equals(essence(b));
    }

    /** METHOD:REQUEST with the whole object (every occurrence changed included). */
    static String request(EventObject o) {
        List<VEvent> all = new ArrayList<>();
        all.add(o.master());
        all.addAll(o.changed());
        return text(REQUEST, all);
    }

    /**
     * METHOD:CANCEL to {@code to} for the whole event ({@code occurrence} null) or one occurrence (RECURRENCE-ID);
     * SEQUENCE as the object has it (the caller has moved it on).
     */
    static String cancel(EventObject o, LocalDateTime occurrence, Collection<String> to, Instant stamp) {
        VEvent m = o.master();
        VEvent v = new VEvent(false);
        v.add(new Uid(o.uid()));
        v.add(new DtStamp(stamp));
        v.add(new Sequence(o.sequence()));
        m.getProperty(Property.ORGANIZER).ifPresent(p -> v.add(p.copy()));
        for (String a : to) {
            v.add(attendee(a, PartStat.NEEDS_ACTION.getValue(), false));
        }
        m.getProperty(Property.SUMMARY).ifPresent(p -> v.add(p.copy()));
        if (occurrence == null) {
            m.getProperty(Property.DTSTART).ifPresent(p -> v.add(p.copy()));
        } else {
            boolean allDay = m.getProperty(Property.DTSTART).flatMap(p -> p.getParameter(Parameter.VALUE))
                    .map(p -> Value.DATE.equals(p)).orElse(false);
            ParameterList params = new ParameterList(List.of(allDay ? Value.DATE
                    : new TzId(EventObject.PARIS.getId())));
            String value = allDay ? DateTimeFormatter.BASIC_ISO_DATE.format(occurrence) : LOCAL.format(occurrence);
            v.add(new DtStart<>(params, value));
            v.add(new RecurrenceId<>(params, value));
        }
        v.add(new Status(Status.VALUE_CANCELLED));
        return text(CANCEL, List.of(v));
    }

    /** METHOD:REPLY: the master's times and the one ATTENDEE who answers, with {@code partstat}. */
    static String reply(EventObject o, String attendee, String partstat, Instant stamp) {
        VEvent m = o.master();
        VEvent v = new VEvent(false);
        v.add(new Uid(o.uid()));
        v.add(new DtStamp(stamp));
        v.add(new Sequence(o.sequence()));
        for (String name : new String[] {Property.ORGANIZER, Property.DTSTART, Property.DTEND, Property.SUMMARY}) {
            m.getProperty(name).ifPresent(p -> v.add(p.copy()));
        }
        m.getProperties(Property.ATTENDEE).stream().filter(p -> attendee.equals(address(p.getValue()))).findFirst()
                .ifPresentOrElse(p -> {
                    Property copy = p.copy();
                    copy.replace(new PartStat(partstat));
                    copy.remove(Rsvp.TRUE);
                    v.add(copy);
                }, () -> v.add(attendee(attendee, partstat, false)));
        if (v.getProperty(Property.SUMMARY).isEmpty()) {
            v.add(new Summary(""));
        }
        return text(REPLY, List.of(v));
    }

    /**
     * An iTIP text read.
     *
     * @throws IllegalArgumentException not iCalendar, or no VEVENT with a UID
     */
    static Received read(String text) {
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new IllegalArgumentException("not an iCalendar object", e);
        }
        List<VEvent> events = cal.getComponents(Component.VEVENT);
        if (events.isEmpty() || events.get(0).getProperty(Property.UID).isEmpty()) {
            throw new IllegalArgumentException("no VEVENT with a UID");
        }
        String method = cal.getProperty(Property.METHOD).map(Property::getValue)
                .map(m -> m.strip().toUpperCase(Locale.ROOT)).orElse("");
        VEvent first = events.get(0);
        String uid = first.getProperty(Property.UID).map(Property::getValue).orElseThrow();
        EventObject whole = events.stream().anyMatch(v -> v.getProperty(Property.RECURRENCE_ID).isEmpty())
                ? EventObject.parse(text) : null;
        VEvent head = whole != null ? whole.master() : first;
        int sequence = head.getProperty(Property.SEQUENCE).map(p -> Integer.parseInt(p.getValue().strip()))
                .orElse(0);
        String organizer = head.getProperty(Property.ORGANIZER).map(p -> address(p.getValue())).orElse(null);
        Map<String, String> attendees = new LinkedHashMap<>();
        for (Property p : head.getProperties(Property.ATTENDEE)) {
            attendees.put(address(p.getValue()), p.getParameter(Parameter.PARTSTAT).map(x -> ((Parameter) x)
                    .getValue().toUpperCase(Locale.ROOT)).orElse(PartStat.NEEDS_ACTION.getValue()));
        }
        LocalDateTime rid = whole != null ? null : head.getProperty(Property.RECURRENCE_ID)
                .map(p -> EventObject.local((java.time.temporal.Temporal)
                        ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate())).orElse(null);
        String title = head.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
        LocalDateTime start = head.getProperty(Property.DTSTART).map(p -> EventObject.local(
                (java.time.temporal.Temporal) ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate()))
                .orElse(null);
        return new Received(method, uid, sequence, organizer, attendees, rid, whole, title, start);
    }

    private static Attendee attendee(String address, String partstat, boolean rsvp) {
        List<Parameter> ps = new ArrayList<>(List.of(CuType.INDIVIDUAL, Role.REQ_PARTICIPANT,
                new PartStat(partstat)));
        if (rsvp && PartStat.NEEDS_ACTION.getValue().equals(partstat)) {
            ps.add(Rsvp.TRUE);
        }
        return new Attendee(new ParameterList(ps), "mailto:" + address);
    }

    private static String text(String method, List<VEvent> events) {
        Calendar cal = new Calendar().withProdId(PRODID).withDefaults().withProperty(new Method(method))
                .getFluentTarget();
        if (events.stream().anyMatch(v -> v.toString().contains("TZID=" + EventObject.PARIS.getId()))) {
            cal.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(EventObject.PARIS.getId())
                    .getVTimeZone());
        }
        for (VEvent v : events) {
            cal.add(v);
        }
        return cal.toString();
    }

    private static String essence(EventObject o) {
        StringBuilder b = new StringBuilder();
        List<VEvent> all = new ArrayList<>(o.changed());
        all.add(0, o.master());
        for (VEvent v : all) {
            VEvent x = new VEvent(false);
            v.getProperties().stream().filter(p -> !List.of(NOT_FOR_ATTENDEES).contains(p.getName()))
                    .forEach(p -> x.add(p));
            b.append(x).append('\n');
        }
        return b.toString();
    }
}

package fr.preau.agenda;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Summary;

/**
 * What a viewer may read of a stored iCalendar object, as iCalendar (issue 14, item 2; docs/adr/0109): the object
 * as it is for its owner and for those who see details; for a free/busy viewer, and for anyone but the owner when
 * the event (or one changed occurrence) is private, each VEVENT keeps its times and identity only (UID, DTSTAMP,
 * DTSTART, DTEND or DURATION, RRULE, RDATE, EXDATE, RECURRENCE-ID) with the SUMMARY "Occupé": no title, location,
 * description, attendee, alarm nor even the private flag. The same rule as {@link AgendaRights#entry}, for every
 * answer that gives objects (export, subscription, CalDAV). Pure logic: {@code RedactedObjectTest}.
 */
final class RedactedObject {
    /** The title every busy-only VEVENT gets. */
    static final String BUSY = "Occupé";
    private static final Set<String> TIMES = Set.of(Property.UID, Property.DTSTAMP, Property.DTSTART, Property.DTEND,
            Property.DURATION, Property.RRULE, Property.RDATE, Property.EXDATE, Property.RECURRENCE_ID);

    private RedactedObject() {
    }

    /**
     * The VEVENTs of object {@code ical} as a viewer at {@code level} may read them (copies; the object is not
     * changed).
     *
     * @throws IllegalArgumentException not an iCalendar object
     */
    static List<VEvent> events(String ical, CalendarLevel level) {
        List<VEvent> all = parse(ical).getComponents(Component.VEVENT).stream().map(c -> (VEvent) c).toList();
        if (level == CalendarLevel.OWNER) {
            return all;
        }
        boolean masterPrivate = all.stream().filter(v -> v.getProperty(Property.RECURRENCE_ID).isEmpty())
                .anyMatch(RedactedObject::isPrivate);
        return all.stream().map(v -> !level.seesDetails() || masterPrivate || isPrivate(v) ? busy(v) : v).toList();
    }

    /** The object as text, as {@link #events} gives it. */
    static String text(String ical, CalendarLevel level) {
        Calendar cal = new Calendar().withProdId("-//Préau//Agenda//FR").withDefaults().getFluentTarget();
        events(ical, level).forEach(cal::add);
        return cal.toString();
    }

    private static VEvent busy(VEvent v) {
        VEvent out = new VEvent(false);
        for (Property p : v.getProperties()) {
            if (TIMES.contains(p.getName())) {
                out.add(p);
            }
        }
        out.add(new Summary(BUSY));
        return out;
    }

    private static boolean isPrivate(VEvent v) {
        String c = v.getProperty(Property.CLASS).map(Property::getValue).orElse("");
        return "PRIVATE".equalsIgnoreCase(c) || "CONFIDENTIAL".equalsIgnoreCase(c);
    }

    static Calendar parse(String ical) {
        try {
            return new CalendarBuilder().build(new StringReader(ical));
        } catch (IOException | ParserException e) {
            throw new IllegalArgumentException("not an iCalendar object", e);
        }
    }
}

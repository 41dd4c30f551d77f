package fr.preau.agenda;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.preau.dav.Dav;
import fr.preau.dav.DavRefusal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * A free/busy request a CalDAV client posts to its scheduling outbox (RFC 6638 §5; docs/adr/0107): a VFREEBUSY of
 * METHOD:REQUEST with its window and the attendees asked about, and the reply the portal writes for one attendee:
 * busy periods only (FREEBUSY in UTC), nothing else of any event. Pure logic.
 *
 * @param uid the request's UID (echoed), or null
 * @param from window start
 * @param to window end
 * @param organizer the ORGANIZER as sent
 * @param attendees the addresses asked about, lower case, without {@code mailto:}
 */
public record FreeBusyQuery(String uid, Instant from, Instant to, String organizer, List<String> attendees) {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public FreeBusyQuery {
        attendees = List.copyOf(attendees);
    }

    /**
     * Reads a posted free/busy request.
     *
     * @throws DavRefusal 400 {@code CALDAV:valid-calendar-data} not a VFREEBUSY request with a window and attendees
     */
    public static FreeBusyQuery parse(String text) {
        try {
            Calendar cal = new CalendarBuilder().build(new StringReader(text));
            Component fb = cal.getComponent(Component.VFREEBUSY).orElseThrow();
            Instant from = instant(fb, Property.DTSTART);
            Instant to = instant(fb, Property.DTEND);
            List<String> attendees = new ArrayList<>();
            for (Property a : fb.getProperties(Property.ATTENDEE)) {
                attendees.add(address(a.getValue()));
            }
            if (!to.isAfter(from) || attendees.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return new FreeBusyQuery(fb.getProperty(Property.UID).map(Property::getValue).orElse(null), from, to,
                    fb.getProperty(Property.ORGANIZER).map(Property::getValue).orElse(null), attendees);
        } catch (IOException | ParserException | RuntimeException e) {
            throw new DavRefusal(400, Dav.VALID_CALENDAR_DATA, "caldav.freeBusy");
        }
    }

    /** The reply for one attendee: a VFREEBUSY of METHOD:REPLY with their busy periods. */
    public String reply(String attendee, List<Instant[]> busy, Instant now) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Préau//Agenda//FR\r\n"
                + "METHOD:REPLY\r\nBEGIN:VFREEBUSY\r\n");
        if (uid != null) {
            b.append("UID:").append(uid).append("\r\n");
        }
        b.append("DTSTAMP:").append(UTC.format(now)).append("\r\nDTSTART:").append(UTC.format(from))
                .append("\r\nDTEND:").append(UTC.format(to)).append("\r\n");
        if (organizer != null) {
            b.append("ORGANIZER:").append(organizer).append("\r\n");
        }
        b.append("ATTENDEE:mailto:").append(attendee).append("\r\n");
        for (Instant[] p : busy) {
            b.append("FREEBUSY;FBTYPE=BUSY:").append(UTC.format(p[0])).append('/').append(UTC.format(p[1]))
                    .append("\r\n");
        }
        return b.append("END:VFREEBUSY\r\nEND:VCALENDAR\r\n").toString();
    }

    /** An address without its {@code mailto:}, lower case. */
    public static String address(String value) {
        String v = value.strip();
        return (v.regionMatches(true, 0, "mailto:", 0, 7) ? v.substring(7) : v).toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Component c, String name) {
        Temporal t = c.getProperty(name).map(p -> (Temporal) ((DateProperty<?>) p).getDate()).orElseThrow();
        return EventObject.local(t).atZone(EventObject.PARIS).toInstant();
    }
}

package fr.preau.agenda;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import fr.preau.dav.Dav;
import fr.preau.dav.DavRefusal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/**
 * An event object a CalDAV client sent (RFC 4791 §4.1; docs/adr/0107), checked before it is stored as sent: one
 * iCalendar object whose components are VEVENTs of one UID (and the VTIMEZONEs they use), a master with a start,
 * readable by {@link EventObject} (whose window columns it gives). Pure logic.
 *
 * @param uid its UID
 * @param firstStart start of its first occurrence
 * @param lastEnd end of its last occurrence, null when it repeats without end
 * @param privateEvent its master is private
 */
record ClientObject(String uid, Instant firstStart, Instant lastEnd, boolean privateEvent) {
    private static final int MAX_UID = 255;

    /**
     * The object's UID and columns.
     *
     * @throws DavRefusal 403 {@code CALDAV:supported-calendar-component} a VTODO, VJOURNAL …;
     *     403 {@code CALDAV:valid-calendar-data} not iCalendar, no VEVENT, no UID or no start;
     *     403 {@code CALDAV:valid-calendar-object-resource} VEVENTs of several UIDs
     */
    static ClientObject check(String text) {
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException | RuntimeException e) {
            throw invalid("caldav.calendarData");
        }
        Set<String> uids = new HashSet<>();
        for (Component c : cal.getComponents()) {
            if (Component.VEVENT.equals(c.getName())) {
                uids.add(c.getProperty(Property.UID).map(Property::getValue).orElse(""));
            } else if (!Component.VTIMEZONE.equals(c.getName())) {
                throw new DavRefusal(403, Dav.SUPPORTED_CALENDAR_COMPONENT, "caldav.component");
            }
        }
        if (uids.isEmpty()) {
            throw invalid("caldav.calendarData");
        }
        if (uids.size() > 1) {
            throw new DavRefusal(403, Dav.VALID_CALENDAR_OBJECT_RESOURCE, "caldav.oneUid");
        }
        String uid = uids.iterator().next();
        if (uid.isBlank() || uid.length() > MAX_UID) {
            throw invalid("caldav.uidMissing");
        }
        try {
            EventObject o = EventObject.parse(text);
            return new ClientObject(uid, o.firstStart(), o.lastEnd().orElse(null), o.isPrivate());
        } catch (RuntimeException e) {
            throw invalid("caldav.calendarData");
        }
    }

    private static DavRefusal invalid(String reason) {
        return new DavRefusal(403, Dav.VALID_CALENDAR_DATA, reason);
    }
}

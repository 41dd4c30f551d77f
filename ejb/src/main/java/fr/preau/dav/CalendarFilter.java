package fr.preau.dav;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.w3c.dom.Element;

/**
 * The filter of a CalDAV {@code calendar-query} (RFC 4791 §9.7), as far as clients use it: a {@code comp-filter}
 * VCALENDAR holding a {@code comp-filter} VEVENT, with an optional {@code time-range} (UTC, start inclusive, end
 * exclusive, either side open). A query for another component (VTODO, VJOURNAL) matches nothing here, since the
 * agenda stores events only; other filters inside (prop-filter, param-filter) are not applied: the answer is then a
 * superset, which RFC 4791 clients filter again.
 *
 * @param events whether events are asked for at all
 * @param start the range's start, or null for open
 * @param end the range's end, or null for open
 */
public record CalendarFilter(boolean events, Instant start, Instant end) {
    /** Every event. */
    public static final CalendarFilter ALL = new CalendarFilter(true, null, null);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /**
     * The filter of a {@code calendar-query} body; {@link #ALL} when it has none.
     *
     * @throws DavRefusal 400 not XML, or a time-range that is not UTC date-times; 403 {@code valid-filter} an end
     *     before its start
     */
    public static CalendarFilter of(byte[] body) {
        Element root = DavRequest.parse(body);
        for (Element f : DavRequest.children(root)) {
            if (Dav.CALENDAR_FILTER.equals(DavRequest.name(f))) {
                for (Element calendar : DavRequest.children(f)) {
                    if (Dav.COMP_FILTER.equals(DavRequest.name(calendar))
                            && "VCALENDAR".equalsIgnoreCase(calendar.getAttribute("name"))) {
                        return inCalendar(calendar);
                    }
                }
                return new CalendarFilter(false, null, null);
            }
        }
        return ALL;
    }

    /** Whether a time range limits the events. */
    public boolean timed() {
        return start != null || end != null;
    }

    private static CalendarFilter inCalendar(Element calendar) {
        boolean any = false;
        for (Element c : DavRequest.children(calendar)) {
            if (!Dav.COMP_FILTER.equals(DavRequest.name(c))) {
                continue;
            }
            any = true;
            if ("VEVENT".equalsIgnoreCase(c.getAttribute("name"))) {
                for (Element r : DavRequest.children(c)) {
                    if (Dav.TIME_RANGE.equals(DavRequest.name(r))) {
                        Instant s = instant(r.getAttribute("start"));
                        Instant e = instant(r.getAttribute("end"));
                        if (s != null && e != null && !e.isAfter(s)) {
                            throw new DavRefusal(403, Dav.caldav("valid-filter"), "dav.badRequest");
                        }
                        return new CalendarFilter(true, s, e);
                    }
                }
                return ALL;
            }
        }
        return any ? new CalendarFilter(false, null, null) : ALL;
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), UTC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DavRefusal(400, null, "dav.badRequest");
        }
    }
}

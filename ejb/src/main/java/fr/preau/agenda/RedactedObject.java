package fr.preau.agenda;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * An event object served to someone who is not its owner (AGD-2; docs/adr/0106, 0107, 0109), the same rule as
 * {@link AgendaRights#entry} for every answer that gives objects (CalDAV, the .ics export, the subscription
 * address): as stored when the viewer may see details and no part of it is private; a VEVENT the viewer may not read
 * (all of them below {@link CalendarLevel#DETAILS} or when the master is private; a private changed occurrence
 * only itself otherwise) keeps its times and identity only: UID, DTSTAMP, DTSTART, DTEND or DURATION, RRULE, RDATE,
 * EXDATE and RECURRENCE-ID, with SUMMARY "Occupé"; no title, place, description, attendee, organiser, alarm,
 * category, private flag or X- property is left in it, nor any calendar-level property but VERSION, PRODID and
 * CALSCALE. VTIMEZONEs are kept (the times need them). Pure text work on the unfolded lines (no parse that could
 * drop or add what it does not know), so what may be read whole is served byte for byte.
 */
public final class RedactedObject {
    /** The title every busy block gets. */
    public static final String BUSY = "Occupé";
    private static final Set<String> TIMES = Set.of("UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "RRULE",
            "RDATE", "EXDATE", "RECURRENCE-ID");
    private static final Set<String> CALENDAR = Set.of("VERSION", "PRODID", "CALSCALE");

    private RedactedObject() {
    }

    /**
     * The object {@code ical} (stored text) as a viewer at {@code level} may read it: whole for its owner, whole for
     * {@link CalendarLevel#DETAILS} and {@link CalendarLevel#EDIT} unless a VEVENT of it is private (then that
     * VEVENT, or every one when the master is private, as busy times), busy times only below.
     */
    public static String forViewer(CalendarLevel level, String ical) {
        if (level == CalendarLevel.OWNER || level.seesDetails() && !hasPrivatePart(ical)) {
            return ical;
        }
        return redact(ical, !level.seesDetails() || masterPrivate(ical));
    }

    /** Whether the viewer at {@code level} gets less than the stored object. */
    public static boolean redactedFor(CalendarLevel level, String ical) {
        return level != CalendarLevel.OWNER && (!level.seesDetails() || hasPrivatePart(ical));
    }

    /**
     * The VEVENTs of object {@code ical} as a viewer at {@code level} may read them, for a file of several objects.
     *
     * @throws IllegalArgumentException not an iCalendar object
     */
    static List<VEvent> events(String ical, CalendarLevel level) {
        return parse(forViewer(level, ical)).getComponents(Component.VEVENT).stream().map(c -> (VEvent) c).toList();
    }

    static Calendar parse(String ical) {
        try {
            return new CalendarBuilder().build(new StringReader(ical));
        } catch (IOException | ParserException e) {
            throw new IllegalArgumentException("not an iCalendar object", e);
        }
    }

    /** Whether a VEVENT of the object says CLASS:PRIVATE or CONFIDENTIAL. */
    static boolean hasPrivatePart(String ical) {
        for (List<String> v : vevents(unfolded(ical))) {
            if (isPrivate(v)) {
                return true;
            }
        }
        return false;
    }

    /** Busy times only, every VEVENT. */
    static String busyOnly(String ical) {
        return redact(ical, true);
    }

    /** Whether the master VEVENT (the one without RECURRENCE-ID) is private: then so is each of its occurrences. */
    private static boolean masterPrivate(String ical) {
        for (List<String> v : vevents(unfolded(ical))) {
            if (v.stream().noneMatch(l -> "RECURRENCE-ID".equals(name(l))) && isPrivate(v)) {
                return true;
            }
        }
        return false;
    }

    /** The object with every VEVENT ({@code all}) or its private ones only reduced to their times. */
    private static String redact(String ical, boolean all) {
        StringBuilder out = new StringBuilder();
        List<String> stack = new ArrayList<>();
        List<String> event = null;
        for (String line : unfolded(ical)) {
            String name = name(line);
            String value = line.substring(line.indexOf(':') + 1).strip().toUpperCase(Locale.ROOT);
            if (event != null) {
                event.add(line);
                if ("BEGIN".equals(name)) {
                    stack.add(value);
                } else if ("END".equals(name)) {
                    stack.remove(stack.size() - 1);
                    if (stack.size() == 1) {
                        writeEvent(out, event, all || isPrivate(event));
                        event = null;
                    }
                }
                continue;
            }
            if ("BEGIN".equals(name)) {
                stack.add(value);
                if (stack.size() == 2 && "VEVENT".equals(value)) {
                    event = new ArrayList<>(List.of(line));
                } else if (kept(stack)) {
                    fold(out, line);
                }
                continue;
            }
            if ("END".equals(name)) {
                if (kept(stack)) {
                    fold(out, line);
                }
                if (!stack.isEmpty()) {
                    stack.remove(stack.size() - 1);
                }
                continue;
            }
            if (kept(stack) && (stack.size() != 1 || CALENDAR.contains(name))) {
                fold(out, line);
            }
        }
        return out.toString();
    }

    /** A VEVENT's lines, whole or reduced to its times (its sub-components, such as VALARM, left out). */
    private static void writeEvent(StringBuilder out, List<String> event, boolean busy) {
        if (!busy) {
            event.forEach(l -> fold(out, l));
            return;
        }
        fold(out, event.get(0));
        fold(out, "SUMMARY:" + BUSY);
        int depth = 0;
        for (String l : event.subList(1, event.size() - 1)) {
            String name = name(l);
            if ("BEGIN".equals(name)) {
                depth++;
            } else if ("END".equals(name)) {
                depth--;
            } else if (depth == 0 && TIMES.contains(name)) {
                fold(out, l);
            }
        }
        fold(out, event.get(event.size() - 1));
    }

    /** Kept as they are: VCALENDAR's own lines (filtered by name) and its VTIMEZONEs with all they hold. */
    private static boolean kept(List<String> stack) {
        if (stack.isEmpty()) {
            return false;
        }
        if (stack.size() == 1) {
            return "VCALENDAR".equals(stack.get(0));
        }
        return "VTIMEZONE".equals(stack.get(1));
    }

    /** The top-level VEVENTs' lines (their own properties only, sub-components left out). */
    private static List<List<String>> vevents(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        int depth = 0;
        for (String line : lines) {
            String name = name(line);
            String value = line.substring(line.indexOf(':') + 1).strip().toUpperCase(Locale.ROOT);
            if ("BEGIN".equals(name)) {
                depth++;
                if (depth == 2 && "VEVENT".equals(value)) {
                    current = new ArrayList<>();
                }
            } else if ("END".equals(name)) {
                if (depth == 2 && current != null) {
                    out.add(current);
                    current = null;
                }
                depth--;
            } else if (current != null && depth == 2) {
                current.add(line);
            }
        }
        return out;
    }

    private static boolean isPrivate(List<String> vevent) {
        int depth = 0;
        for (String line : vevent) {
            String name = name(line);
            if ("BEGIN".equals(name)) {
                depth++;
            } else if ("END".equals(name)) {
                depth--;
            } else if (depth <= 1 && "CLASS".equals(name)) {
                String v = line.substring(line.indexOf(':') + 1).strip().toUpperCase(Locale.ROOT);
                if (v.equals("PRIVATE") || v.equals("CONFIDENTIAL")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String name(String line) {
        int end = line.length();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == ';') {
                end = i;
                break;
            }
        }
        return line.substring(0, end).strip().toUpperCase(Locale.ROOT);
    }

    /** The content lines, unfolded (RFC 5545 §3.1), empty ones left out. */
    static List<String> unfolded(String ical) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : ical.split("\r?\n", -1)) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && current != null) {
                current.append(raw, 1, raw.length());
                continue;
            }
            if (current != null && !current.isEmpty()) {
                lines.add(current.toString());
            }
            current = new StringBuilder(raw);
        }
        if (current != null && !current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** Appends a line folded at 75 characters, CRLF. */
    private static void fold(StringBuilder out, String line) {
        int i = 0;
        int width = 75;
        while (line.length() - i > width) {
            out.append(line, i, i + width).append("\r\n ");
            i += width;
            width = 74;
        }
        out.append(line, i, line.length()).append("\r\n");
    }
}

package fr.preau.agenda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An event object served to someone who is not its owner (AGD-2; docs/adr/0106, 0107): as stored when the viewer
 * may see details and no part of it is private; otherwise busy times only, built from the times and nothing else:
 * each VEVENT keeps its UID, DTSTAMP, DTSTART, DTEND or DURATION, RRULE, RDATE, EXDATE and RECURRENCE-ID, and gets
 * SUMMARY "Occupé"; no title, place, description, attendee, organiser, alarm, category, private flag or X- property
 * is left, nor any calendar-level property but VERSION, PRODID and CALSCALE. VTIMEZONEs are kept (the times need
 * them). Pure text work on the unfolded lines (no parse that could drop or add what it does not know). For CalDAV
 * here; the ICS export and the subscription URL should serve objects through it too.
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
     * {@link CalendarLevel#DETAILS} and {@link CalendarLevel#EDIT} unless a VEVENT of it is private, busy-only
     * otherwise.
     */
    public static String forViewer(CalendarLevel level, String ical) {
        if (level == CalendarLevel.OWNER || level.seesDetails() && !hasPrivatePart(ical)) {
            return ical;
        }
        return busyOnly(ical);
    }

    /** Whether the viewer at {@code level} gets busy times only. */
    public static boolean redactedFor(CalendarLevel level, String ical) {
        return level != CalendarLevel.OWNER && (!level.seesDetails() || hasPrivatePart(ical));
    }

    /** Whether a VEVENT of the object says CLASS:PRIVATE or CONFIDENTIAL. */
    static boolean hasPrivatePart(String ical) {
        for (String line : unfolded(ical)) {
            String name = name(line);
            if ("CLASS".equals(name)) {
                String v = line.substring(line.indexOf(':') + 1).strip().toUpperCase(Locale.ROOT);
                if (v.equals("PRIVATE") || v.equals("CONFIDENTIAL")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Busy times only (see the class). */
    static String busyOnly(String ical) {
        StringBuilder out = new StringBuilder();
        List<String> stack = new ArrayList<>();
        for (String line : unfolded(ical)) {
            String name = name(line);
            String value = line.substring(line.indexOf(':') + 1).strip().toUpperCase(Locale.ROOT);
            if ("BEGIN".equals(name)) {
                stack.add(value);
                if (kept(stack)) {
                    fold(out, line);
                    if (stack.size() == 2 && "VEVENT".equals(value)) {
                        fold(out, "SUMMARY:" + BUSY);
                    }
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
            if (!kept(stack)) {
                continue;
            }
            String top = stack.isEmpty() ? "" : stack.get(stack.size() - 1);
            boolean keep = switch (stack.size()) {
                case 1 -> CALENDAR.contains(name);
                case 2 -> "VEVENT".equals(top) ? TIMES.contains(name) : true;
                default -> true;
            };
            if (keep) {
                fold(out, line);
            }
        }
        return out.toString();
    }

    /** Kept: VCALENDAR, its VEVENTs (without what they hold) and its VTIMEZONEs with all they hold. */
    private static boolean kept(List<String> stack) {
        if (stack.isEmpty()) {
            return false;
        }
        if (stack.size() == 1) {
            return "VCALENDAR".equals(stack.get(0));
        }
        String second = stack.get(1);
        return "VTIMEZONE".equals(second) || "VEVENT".equals(second) && stack.size() == 2;
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

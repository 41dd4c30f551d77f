package fr.preau.agenda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.dav.CardLines;
import fr.preau.shared.InvalidInputException;
import net.fortuna.ical4j.model.Recur;

/**
 * A {@code .ics} file read as far as it is valid (issue 14, item 4; docs/adr/0109). ical4j's builder refuses a whole
 * file for one bad line, so the file is unfolded and cut into its VEVENTs here first; each event (a master and its
 * changed occurrences, by UID) is then parsed on its own, and one broken event costs only itself, with the line
 * where it starts and why. Time zones are named the IANA way before parsing (Outlook's Windows names, Thunderbird's
 * prefixed ones; one nobody knows is taken as Europe/Paris, the academy's), VTIMEZONE blocks are not needed, lines
 * of unknown properties and VALARMs are left out. Pure logic: {@code IcsFileTest}.
 */
final class IcsFile {
    /** The largest file accepted. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most events one file may bring. */
    static final int MAX_EVENTS = 3000;

    private static final Pattern TZID = Pattern.compile("(?i)(;TZID=)(\"[^\"]*\"|[^;:]*)");
    private static final Set<String> KNOWN = Set.of("UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY",
            "DESCRIPTION", "LOCATION", "CLASS", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "STATUS", "TRANSP",
            "SEQUENCE", "CREATED", "LAST-MODIFIED", "URL", "CATEGORIES", "PRIORITY", "ORGANIZER", "ATTENDEE",
            "COMMENT", "CONTACT", "GEO", "RESOURCES", "RELATED-TO", "ATTACH");
    private static final Set<String> DATED = Set.of("DTSTART", "DTEND", "RDATE", "EXDATE", "RECURRENCE-ID");
    private static final Set<String> TOO_OFTEN = Set.of("SECONDLY", "MINUTELY", "HOURLY");
    /** BYHOUR, BYMINUTE, BYSECOND: several occurrences a day, as costly as an hourly rule. */
    private static final Pattern SUB_DAILY = Pattern.compile("(?i)BY(HOUR|MINUTE|SECOND)=");
    /** Windows time zone names (Outlook, Exchange) of the CLDR table, the ones met in Europe and beyond. */
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("morocco standard time", "Africa/Casablanca"),
            Map.entry("w. central africa standard time", "Africa/Lagos"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("sa western standard time", "America/La_Paz"),
            Map.entry("sa eastern standard time", "America/Cayenne"),
            Map.entry("reunion standard time", "Indian/Reunion"),
            Map.entry("mauritius standard time", "Indian/Mauritius"),
            Map.entry("west pacific standard time", "Pacific/Port_Moresby"),
            Map.entry("central pacific standard time", "Pacific/Guadalcanal"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("india standard time", "Asia/Kolkata"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("utc", "Etc/UTC"),
            Map.entry("gmt", "Etc/UTC"),
            Map.entry("coordinated universal time", "Etc/UTC"));

    private IcsFile() {
    }

    /**
     * One event of the file: its object, or why it was left out.
     *
     * @param event the object, null when left out
     * @param line the line where its first VEVENT starts (from 1)
     * @param uid its UID, or null
     * @param title its SUMMARY, or null
     * @param fault the message key of why it was left out, or null
     */
    record Entry(EventObject event, int line, String uid, String title, String fault) {
    }

    /**
     * The events of a file, in the order of the file.
     *
     * @throws InvalidInputException field {@code file}: too large ({@code agenda.import.tooLarge}), not an
     *         iCalendar file ({@code agenda.import.notIcs}) or too many events ({@code agenda.import.tooMany})
     */
    static List<Entry> read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "agenda.import.tooLarge", String.valueOf(MAX_BYTES / 1024 / 1024));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = unfold(text);
        if (lines.stream().noneMatch(l -> l.text().equalsIgnoreCase("BEGIN:VCALENDAR"))) {
            throw new InvalidInputException("file", "agenda.import.notIcs", null);
        }
        List<Block> blocks = blocks(lines);
        if (blocks.size() > MAX_EVENTS) {
            throw new InvalidInputException("file", "agenda.import.tooMany", String.valueOf(MAX_EVENTS));
        }
        Map<String, List<Block>> byUid = new LinkedHashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Block b : blocks) {
            String fault = b.truncated() ? "agenda.import.truncated" : check(b);
            if (fault != null) {
                out.add(new Entry(null, b.line(), b.uid(), b.title(), fault));
            } else {
                byUid.computeIfAbsent(b.uid(), k -> new ArrayList<>()).add(b);
            }
        }
        for (List<Block> group : byUid.values()) {
            out.add(entry(group));
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    /** The IANA name of a TZID as files write it; Europe/Paris for one nobody knows. */
    static String zone(String tzid) {
        String t = tzid.strip();
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() > 1) {
            t = t.substring(1, t.length() - 1).strip();
        }
        String windows = WINDOWS.get(t.toLowerCase(Locale.ROOT));
        if (windows != null) {
            return windows;
        }
        String[] parts = t.split("/");
        for (int i = 0; i < parts.length; i++) {
            String candidate = String.join("/", List.of(parts).subList(i, parts.length));
            if (ZoneId.getAvailableZoneIds().contains(candidate)) {
                return candidate;
            }
        }
        return EventObject.PARIS.getId();
    }

    private static Entry entry(List<Block> group) {
        Block first = group.get(0);
        Block master = group.stream().filter(b -> !b.changed()).findFirst().orElse(null);
        Block named = master == null ? first : master;
        if (master == null) {
            return new Entry(null, first.line(), first.uid(), named.title(), "agenda.import.orphan");
        }
        StringBuilder cal = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Préau//Import//FR\r\n");
        for (Block b : group) {
            b.lines().forEach(l -> cal.append(l).append("\r\n"));
        }
        cal.append("END:VCALENDAR\r\n");
        try {
            EventObject o = EventObject.parse(cal.toString());
            LocalDateTime start = o.start();
            o.firstStart();
            o.lastEnd();
            Occurrence firstOne = o.occurrence(o.repeats() ? start : null).orElse(null);
            if (firstOne != null && firstOne.end().isBefore(firstOne.start())) {
                return new Entry(null, first.line(), first.uid(), named.title(), "agenda.import.endBeforeStart");
            }
            return new Entry(o, first.line(), first.uid(), named.title(), null);
        } catch (IllegalArgumentException | DateTimeException | UnsupportedOperationException e) {
            return new Entry(null, first.line(), first.uid(), named.title(), "agenda.import.unreadable");
        }
    }

    /** Why a complete VEVENT cannot be an event, or null. */
    private static String check(Block b) {
        String start = b.value("DTSTART");
        if (start == null || start.isBlank()) {
            return "agenda.import.noStart";
        }
        String rule = b.value("RRULE");
        if (rule != null) {
            try {
                Recur<Temporal> r = new Recur<>(rule);
                if (r.getFrequency() == null) {
                    return "agenda.import.badRule";
                }
                if (TOO_OFTEN.contains(r.getFrequency().name()) || SUB_DAILY.matcher(rule).find()) {
                    return "agenda.import.ruleTooOften";
                }
            } catch (RuntimeException e) {
                return "agenda.import.badRule";
            }
        }
        return null;
    }

    /** Logical lines (continuations joined), each with the number of its first physical line. */
    private static List<Line> unfold(String text) {
        String[] raw = text.split("\r\n|\n|\r", -1);
        List<Line> out = new ArrayList<>();
        StringBuilder current = null;
        int number = 0;
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i];
            if (!l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t') && current != null) {
                current.append(l, 1, l.length());
            } else if (!l.isBlank()) {
                if (current != null) {
                    out.add(new Line(number, current.toString()));
                }
                current = new StringBuilder(l);
                number = i + 1;
            }
        }
        if (current != null) {
            out.add(new Line(number, current.toString()));
        }
        return out;
    }

    /** The VEVENTs of the file, with their kept lines; one cut short by the file's end is marked truncated. */
    private static List<Block> blocks(List<Line> lines) {
        List<Block> out = new ArrayList<>();
        Block current = null;
        int nested = 0;
        for (Line l : lines) {
            String upper = l.text().toUpperCase(Locale.ROOT);
            if (current == null) {
                if (upper.equals("BEGIN:VEVENT")) {
                    current = new Block(l.number());
                    current.lines().add("BEGIN:VEVENT");
                }
                continue;
            }
            if (upper.equals("BEGIN:VEVENT") || upper.equals("END:VCALENDAR")) {
                current.truncate();
                out.add(current);
                current = upper.equals("BEGIN:VEVENT") ? new Block(l.number()) : null;
                if (current != null) {
                    current.lines().add("BEGIN:VEVENT");
                }
                nested = 0;
            } else if (upper.startsWith("BEGIN:")) {
                nested++;
            } else if (upper.startsWith("END:") && nested > 0) {
                nested--;
            } else if (upper.equals("END:VEVENT")) {
                current.lines().add("END:VEVENT");
                out.add(current.finish());
                current = null;
            } else if (nested == 0) {
                current.add(l.text());
            }
        }
        if (current != null) {
            current.truncate();
            out.add(current);
        }
        return out;
    }

    private static String name(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
            end++;
        }
        return line.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private record Line(int number, String text) {
    }

    /** One VEVENT as cut from the file. */
    private static final class Block {
        private final int line;
        private final List<String> lines = new ArrayList<>();
        private boolean truncated;
        private String uid;

        Block(int line) {
            this.line = line;
        }

        int line() {
            return line;
        }

        List<String> lines() {
            return lines;
        }

        boolean truncated() {
            return truncated;
        }

        void truncate() {
            truncated = true;
        }

        /** Keeps a property line of a known name (or an X- one), its time zone named the IANA way. */
        void add(String l) {
            String n = name(l);
            if (!KNOWN.contains(n) && !n.startsWith("X-")) {
                return;
            }
            if (DATED.contains(n)) {
                Matcher m = TZID.matcher(l);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + zone(m.group(2))));
                }
                m.appendTail(sb);
                l = sb.toString();
            }
            lines.add(l);
        }

        /** Gives a UID to an event without one: the same for the same text, so that a re-import matches it. */
        Block finish() {
            if (value("UID") == null || value("UID").isBlank()) {
                try {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines)
                            .getBytes(StandardCharsets.UTF_8));
                    uid = "import-" + HexFormat.of().formatHex(digest, 0, 16);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
                lines.add(1, "UID:" + uid);
            }
            return this;
        }

        String uid() {
            return uid != null ? uid : value("UID");
        }

        String title() {
            return value("SUMMARY");
        }

        boolean changed() {
            return value("RECURRENCE-ID") != null;
        }

        /** The first value of a property, unescaped. */
        String value(String property) {
            List<String> v = CardLines.values(String.join("\n", lines), property);
            return v.isEmpty() ? null : v.get(0).strip();
        }
    }
}

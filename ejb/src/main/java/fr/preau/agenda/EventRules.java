package fr.preau.agenda;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.preau.shared.InvalidInputException;

/** What the agenda accepts from its dialog; every refusal names the field and a French/English message. */
public final class EventRules {
    public static final int TITLE_MAX = 200;
    public static final int LOCATION_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int CALENDAR_NAME_MAX = 100;
    public static final int COUNT_MAX = 500;
    /** An event lasts at most this long (a timed one); longer is an all-day event or a mistake. */
    static final Duration LONGEST = Duration.ofDays(31);
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private EventRules() {
    }

    /**
     * The draft with trimmed texts, or the first fault.
     *
     * @throws InvalidInputException field {@code title}, {@code start}, {@code end}, {@code location},
     *         {@code description}, {@code count} or {@code until}
     */
    public static EventDraft check(EventDraft d) {
        String title = trimmed(d.title());
        if (title == null) {
            throw new InvalidInputException("title", "agenda.event.title.required", null);
        }
        if (title.length() > TITLE_MAX) {
            throw new InvalidInputException("title", "agenda.event.title.tooLong", String.valueOf(TITLE_MAX));
        }
        String location = trimmed(d.location());
        if (location != null && location.length() > LOCATION_MAX) {
            throw new InvalidInputException("location", "agenda.event.location.tooLong",
                    String.valueOf(LOCATION_MAX));
        }
        String description = trimmed(d.description());
        if (description != null && description.length() > DESCRIPTION_MAX) {
            throw new InvalidInputException("description", "agenda.event.description.tooLong",
                    String.valueOf(DESCRIPTION_MAX));
        }
        if (d.start() == null) {
            throw new InvalidInputException("start", "agenda.event.start.required", null);
        }
        if (d.end() == null) {
            throw new InvalidInputException("end", "agenda.event.end.required", null);
        }
        LocalDateTime start = d.allDay() ? d.start().toLocalDate().atStartOfDay() : d.start().withSecond(0).withNano(0);
        LocalDateTime end = d.allDay() ? d.end().toLocalDate().atStartOfDay() : d.end().withSecond(0).withNano(0);
        if (d.allDay() ? end.isBefore(start) : !end.isAfter(start)) {
            throw new InvalidInputException("end", "agenda.event.end.beforeStart", null);
        }
        if (!d.allDay() && Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidInputException("end", "agenda.event.tooLong", String.valueOf(LONGEST.toDays()));
        }
        Repeat r = d.repeat();
        if (r.count() != null && (r.count() < 1 || r.count() > COUNT_MAX)) {
            throw new InvalidInputException("count", "agenda.event.count.range", String.valueOf(COUNT_MAX));
        }
        if (r.count() != null && r.until() != null) {
            throw new InvalidInputException("until", "agenda.event.until.orCount", null);
        }
        if (r.until() != null && r.until().isBefore(start.toLocalDate())) {
            throw new InvalidInputException("until", "agenda.event.until.beforeStart", null);
        }
        return new EventDraft(title, d.allDay(), start, end, location, description, d.privateEvent(), r);
    }

    /**
     * A calendar's name, trimmed.
     *
     * @throws InvalidInputException field {@code calendarName}: empty or too long
     */
    public static String calendarName(String name) {
        String n = trimmed(name);
        if (n == null) {
            throw new InvalidInputException("calendarName", "agenda.calendar.name.required", null);
        }
        if (n.length() > CALENDAR_NAME_MAX) {
            throw new InvalidInputException("calendarName", "agenda.calendar.name.tooLong",
                    String.valueOf(CALENDAR_NAME_MAX));
        }
        return n;
    }

    /**
     * A colour as {@code #rrggbb} in lower case.
     *
     * @throws InvalidInputException field {@code colour}: not such a colour
     */
    public static String colour(String colour) {
        String c = trimmed(colour);
        c = c == null ? null : (c.startsWith("#") ? c : "#" + c).toLowerCase(Locale.ROOT);
        if (c == null || !COLOUR.matcher(c).matches()) {
            throw new InvalidInputException("colour", "agenda.calendar.colour.invalid", null);
        }
        return c;
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}

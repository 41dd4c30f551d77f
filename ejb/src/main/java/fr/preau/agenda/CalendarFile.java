package fr.preau.agenda;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A calendar exported: the name to save it under and its bytes ({@code text/calendar}, UTF-8).
 *
 * @param name the file's name ({@code cours-4e-b.ics}: the calendar's name without accents or spaces)
 * @param content the VCALENDAR
 */
public record CalendarFile(String name, byte[] content) {
    /** The file of calendar {@code c} holding {@code rows}, for a reader at {@code level}. */
    static CalendarFile of(CalendarRow c, List<EventRow> rows, CalendarLevel level) {
        String text = IcsExport.calendar(c.name(), rows.stream().map(EventRow::ical).toList(), level);
        return new CalendarFile(fileName(c.name()), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The file name of a calendar named {@code calendarName}. */
    static String fileName(String calendarName) {
        String plain = Normalizer.normalize(calendarName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (plain.isEmpty() ? "agenda" : plain) + ".ics";
    }
}

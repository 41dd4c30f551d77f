package fr.preau.agenda;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One occurrence of an event as the caller may see it: what the agenda's services give the web tier, never the
 * stored event. A {@linkplain #busy() busy} entry (free/busy only, or a private event of someone else) carries
 * times only: no title, location, description or repeat, so no page can show them.
 *
 * @param eventId the event
 * @param calendarId its calendar
 * @param occurrence the occurrence's original start (RECURRENCE-ID) for a repeated event, null otherwise
 * @param start start (Europe/Paris; 00:00 of the first day when all day)
 * @param end end (exclusive; 00:00 of the day after the last when all day)
 * @param allDay all day
 * @param busy only "Occupé" may be shown
 * @param title the title, or null when busy
 * @param location the location, or null
 * @param description the description, or null
 * @param privateEvent marked private (false when busy: that is not the caller's to know)
 * @param repeat the series' repeat ({@link Repeat#NONE} when busy or single)
 * @param editable the caller may change or delete it
 */
public record AgendaEntry(long eventId, long calendarId, LocalDateTime occurrence, LocalDateTime start,
        LocalDateTime end, boolean allDay, boolean busy, String title, String location, String description,
        boolean privateEvent, Repeat repeat, boolean editable) implements Serializable {

    /** Whether it belongs to a repeated event. */
    public boolean repeated() {
        return occurrence != null;
    }

    static AgendaEntry detailed(long eventId, long calendarId, Occurrence o, Repeat repeat, boolean editable) {
        return new AgendaEntry(eventId, calendarId, o.recurrenceId(), o.start(), o.end(), o.allDay(), false,
                o.title(), o.location(), o.description(), o.privateEvent(), repeat, editable);
    }

    /** Times only: built from the occurrence's times and nothing else. */
    static AgendaEntry busy(long eventId, long calendarId, Occurrence o) {
        return new AgendaEntry(eventId, calendarId, o.recurrenceId(), o.start(), o.end(), o.allDay(), true, null,
                null, null, false, Repeat.NONE, false);
    }
}

package fr.preau.agenda;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * An event as typed in the agenda's dialog. Times are Europe/Paris wall-clock times; an all-day event runs from the
 * day of {@code start} to the day of {@code end}, both included.
 *
 * @param title the title (required)
 * @param allDay all day, or timed
 * @param start first day or start time
 * @param end last day or end time
 * @param location where, or null
 * @param description free text, or null
 * @param privateEvent shown only as busy to everyone but the owner
 * @param repeat the recurrence ({@link Repeat#NONE})
 */
public record EventDraft(String title, boolean allDay, LocalDateTime start, LocalDateTime end, String location,
        String description, boolean privateEvent, Repeat repeat) implements Serializable {

    public EventDraft {
        repeat = repeat == null ? Repeat.NONE : repeat;
    }

    /** The same with other start and end. */
    EventDraft at(LocalDateTime newStart, LocalDateTime newEnd) {
        return new EventDraft(title, allDay, newStart, newEnd, location, description, privateEvent, repeat);
    }

    /** The same with another repeat. */
    EventDraft repeating(Repeat r) {
        return new EventDraft(title, allDay, start, end, location, description, privateEvent, r);
    }
}

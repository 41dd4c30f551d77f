package fr.preau.agenda;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The free/busy grid of a meeting's day (docs/adr/0108): each person's busy times (times only, whatever the caller
 * may otherwise see) and the first common free slots between 8:00 and 19:00.
 *
 * @param people the organiser first, then each participant
 * @param slots the first starts where everyone known is free for the meeting's length
 */
public record Availability(List<Person> people, List<LocalDateTime> slots) implements Serializable {

    /**
     * One person's busy times that day.
     *
     * @param name the identifier or address as typed (the organiser's address)
     * @param known an account of the academy (an outside address: nothing known)
     * @param busy the busy times, by start, cut to the day
     */
    public record Person(String name, boolean known, List<Block> busy) implements Serializable {

        /** Whether the person is busy at some time in {@code [from, to)}. */
        public boolean busyDuring(LocalDateTime from, LocalDateTime to) {
            return busy.stream().anyMatch(b -> b.start().isBefore(to) && b.end().isAfter(from));
        }
    }

    /** A busy time {@code [start, end)}. */
    public record Block(LocalDateTime start, LocalDateTime end) implements Serializable {
    }
}

package fr.preau.agenda;

import java.time.LocalDateTime;

/**
 * One occurrence of an event in a window, with all its details (pure logic; never leaves the agenda's services:
 * the web tier gets an {@link AgendaEntry}).
 *
 * @param recurrenceId the occurrence's original start (its RECURRENCE-ID), null for an event that does not repeat
 * @param start start (Europe/Paris wall clock; 00:00 of the first day when all day)
 * @param end end (exclusive; 00:00 of the day after the last when all day)
 * @param allDay all day
 * @param title title
 * @param location location or null
 * @param description description or null
 * @param privateEvent CLASS:PRIVATE
 */
record Occurrence(LocalDateTime recurrenceId, LocalDateTime start, LocalDateTime end, boolean allDay, String title,
        String location, String description, boolean privateEvent) {
}

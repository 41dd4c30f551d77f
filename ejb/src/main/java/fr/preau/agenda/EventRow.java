package fr.preau.agenda;

/**
 * A row of {@code agenda_event}.
 *
 * @param id id
 * @param calendarId its calendar
 * @param uid the iCalendar UID
 * @param ical the iCalendar object
 * @param revision its ETag
 */
record EventRow(long id, long calendarId, String uid, String ical, long revision) {
}

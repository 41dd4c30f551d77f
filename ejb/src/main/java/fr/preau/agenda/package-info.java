/**
 * The agenda (issue 14, AGD-1 to AGD-4; docs/adr/0106): calendars, events stored as iCalendar objects, their
 * recurrence in Europe/Paris, and the one decision of what a person may see or do in another's calendar
 * ({@link fr.preau.agenda.AgendaRights}, which asks {@link fr.preau.delegation.Delegations} for delegations).
 */
package fr.preau.agenda;

package fr.preau.agenda;

import java.io.Serializable;

/**
 * A person, a distribution list or an establishment to whom the owner granted more than free/busy on one calendar.
 *
 * @param calendarId the calendar
 * @param granteeName the person's, list's or establishment's name
 * @param granteeAddress the person's or list's address, or the establishment's UAI
 * @param level {@link CalendarLevel#DETAILS} or {@link CalendarLevel#EDIT}
 * @param kind who it names
 */
public record CalendarShare(long calendarId, String granteeName, String granteeAddress, CalendarLevel level,
        Kind kind) implements Serializable {
    /** Whom a grant names: a person, the members of a list (lists within it too), the staff of an establishment. */
    public enum Kind {
        PERSON, LIST, ESTABLISHMENT
    }
}

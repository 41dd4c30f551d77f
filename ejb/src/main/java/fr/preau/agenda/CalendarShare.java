package fr.preau.agenda;

import java.io.Serializable;

/**
 * A person to whom the owner granted more than free/busy on one calendar.
 *
 * @param calendarId the calendar
 * @param granteeName the person's name
 * @param granteeAddress the person's address
 * @param level {@link CalendarLevel#DETAILS} or {@link CalendarLevel#EDIT}
 */
public record CalendarShare(long calendarId, String granteeName, String granteeAddress, CalendarLevel level)
        implements Serializable {
}

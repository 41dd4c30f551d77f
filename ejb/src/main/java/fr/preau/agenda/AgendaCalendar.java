package fr.preau.agenda;

import java.io.Serializable;

/**
 * A calendar as the caller may see it.
 *
 * @param id its id
 * @param name its name ("Agenda" …)
 * @param colour {@code #rrggbb}
 * @param isDefault the owner's first calendar, which cannot be deleted
 * @param ownerName the owner's name
 * @param ownerAddress the owner's address
 * @param level what the caller may do in it
 * @param readOnly the school holidays' calendar (docs/adr/0110): no change of its events is accepted, even from its
 *        owner (CalDAV answers 403 for it)
 */
public record AgendaCalendar(long id, String name, String colour, boolean isDefault, String ownerName,
        String ownerAddress, CalendarLevel level, boolean readOnly) implements Serializable {
}

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
 */
public record AgendaCalendar(long id, String name, String colour, boolean isDefault, String ownerName,
        String ownerAddress, CalendarLevel level) implements Serializable {
}

package fr.preau.agenda;

import java.io.Serializable;
import java.util.List;

import fr.preau.contacts.carddav.DavCard;

/**
 * A calendar as a CalDAV client sees it (docs/adr/0107).
 *
 * @param name its collection's name in the home (the calendar's id, which never changes)
 * @param displayName its name, with the owner's for someone else's
 * @param colour {@code #rrggbb}
 * @param writable the caller may create, change and delete its events ("modifier" or its owner)
 * @param syncToken its sync token (also its ctag)
 * @param objects its event objects as the caller may read them, when asked for
 */
public record CalDavCalendar(String name, String displayName, String colour, boolean writable, String syncToken,
        List<DavCard> objects) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CalDavCalendar {
        objects = List.copyOf(objects);
    }
}

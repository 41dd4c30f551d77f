package fr.preau.contacts.carddav;

import java.io.Serializable;
import java.util.List;

/**
 * A book of the caller: its name in the home ({@link CardDavBooks#CONTACTS} or {@link CardDavBooks#DIRECTORY}), the
 * name shown, whether clients may write, its sync token (null when it offers no sync-collection) and its cards.
 */
public record DavBook(String name, String displayName, boolean writable, String syncToken, List<DavCard> cards)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public DavBook {
        cards = List.copyOf(cards);
    }
}

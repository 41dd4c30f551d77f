package fr.preau.contacts.carddav;

import java.io.Serializable;
import java.util.List;

/** What changed in a book since a sync token: the cards changed or added, the names of those removed, the new token. */
public record DavChanges(String syncToken, List<DavCard> changed, List<String> removed) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DavChanges {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}

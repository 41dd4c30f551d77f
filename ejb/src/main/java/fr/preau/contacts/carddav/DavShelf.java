package fr.preau.contacts.carddav;

import java.io.Serializable;
import java.util.List;

/** The signed-in account and its books, without their cards (what a PROPFIND of the home shows). */
public record DavShelf(DavAccount account, List<DavBook> books) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DavShelf {
        books = List.copyOf(books);
    }

    /** The book of that name, without its cards. */
    public DavBook book(String name) {
        return books.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }
}

package fr.preau.contacts.carddav;

import java.io.Serializable;

/** A card of a book as CardDAV serves it: its name in the book, its strong ETag (quoted) and its text. */
public record DavCard(String name, String etag, String text) implements Serializable {
    private static final long serialVersionUID = 1L;
}

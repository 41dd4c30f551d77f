package fr.preau.contacts.carddav;

import java.io.Serializable;

/**
 * The result of a PUT: whether it created the card, and its new ETag, or null when the stored card is not byte for
 * byte what the client sent (a UID was added): the client then reads it back (RFC 6352 §6.3.2.3).
 */
public record DavWrite(boolean created, String etag) implements Serializable {
    private static final long serialVersionUID = 1L;
}

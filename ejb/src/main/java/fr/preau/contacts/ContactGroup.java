package fr.preau.contacts;

import java.io.Serializable;

/** A group of the caller's book and how many contacts it holds. */
public record ContactGroup(long id, String uid, String name, int size) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The id as text, as pages send it back. */
    public String key() {
        return String.valueOf(id);
    }
}

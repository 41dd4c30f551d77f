package fr.preau.contacts.carddav;

import java.io.Serializable;

/** The account a DAV client signed in as: its immutable id (the principal's path), its address and name. */
public record DavAccount(long id, String address, String displayName) implements Serializable {
    private static final long serialVersionUID = 1L;
}

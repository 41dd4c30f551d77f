package fr.preau.contacts.carddav;

import java.io.Serializable;

/**
 * The account a DAV client signed in as: its immutable id (the principal's path), its address and name, and the UAI
 * of its establishment (null for none).
 */
public record DavAccount(long id, String address, String displayName, String establishment) implements Serializable {
    private static final long serialVersionUID = 1L;
}

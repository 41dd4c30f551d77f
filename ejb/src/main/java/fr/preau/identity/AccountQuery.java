package fr.preau.identity;

import java.io.Serializable;

/**
 * A search of the accounts page; every criterion is optional.
 *
 * @param text a part of the name, identifier or address (case and accents of the name as stored)
 * @param establishmentUai one establishment
 * @param status active or suspended accounts only
 */
public record AccountQuery(String text, String establishmentUai, Status status) implements Serializable {
    /** Whether an account may sign in. */
    public enum Status {
        ACTIVE,
        SUSPENDED
    }
}

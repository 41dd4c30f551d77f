package fr.preau.identity;

import java.io.Serializable;

/**
 * A functional mailbox of an establishment (docs/adr/0105): its address (its identifier is the local part),
 * the name it shows, and the establishment that owns it.
 */
public record FunctionalMailbox(String address, String displayName, String establishmentUai,
        String establishmentName) implements Serializable {
}

package fr.preau.identity;

import java.io.Serializable;

/**
 * A rename as the administrator confirms it (docs/adr/0096): the account's identifier and address now, and those
 * the new names give. When the names give the account's own identifier again (a corrected accent, a homonym's
 * number kept), only the name shown changes.
 *
 * @param displayName the new name shown, "first name last name"
 */
public record AccountRename(String oldUsername, String oldAddress, String newUsername, String newAddress,
        String displayName) implements Serializable {

    /** Whether the identifier and the address change (otherwise only the name shown does). */
    public boolean changesIdentifier() {
        return !oldUsername.equals(newUsername);
    }
}

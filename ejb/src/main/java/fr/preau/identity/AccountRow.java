package fr.preau.identity;

import java.io.Serializable;
import java.time.Instant;

/**
 * One account as the accounts page lists it.
 *
 * @param suspendedAt when it was suspended, {@code null} when active
 */
public record AccountRow(String username, String address, String displayName, String establishmentUai,
        String establishmentName, String quotaClass, String quotaLabel, Instant suspendedAt) implements Serializable {

    public boolean suspended() {
        return suspendedAt != null;
    }
}

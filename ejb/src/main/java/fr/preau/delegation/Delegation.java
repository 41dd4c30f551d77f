package fr.preau.delegation;

import java.io.Serializable;
import java.time.Instant;

/**
 * One delegation as its two parties see it.
 *
 * @param ownerAccount the owner's account id
 * @param delegateAccount the delegate's account id
 * @param aclIdentifier the delegate's address when it was granted: the identifier of its IMAP rights
 * @param endsAt the first instant it no longer holds; null: until someone ends it
 * @param closedBy who refused or ended it (username); null while open, or when the nightly job ended it
 */
public record Delegation(long id, long ownerAccount, String ownerUsername, String ownerAddress, String ownerName,
        long delegateAccount, String delegateUsername, String delegateAddress, String delegateName,
        DelegationRights rights, DelegationStatus status, Instant grantedAt, String grantedBy, Instant acceptedAt,
        Instant endsAt, Instant closedAt, String closedBy, String aclIdentifier) implements Serializable {

    /** Whether it has passed its end at {@code at}. */
    public boolean expiredAt(Instant at) {
        return endsAt != null && !at.isBefore(endsAt);
    }

    /** Whether it gives its rights at {@code at}: accepted, not ended, not past its end. */
    public boolean inForceAt(Instant at) {
        return status == DelegationStatus.ACTIVE && !expiredAt(at);
    }
}

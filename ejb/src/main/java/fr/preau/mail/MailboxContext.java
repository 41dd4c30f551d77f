package fr.preau.mail;

/**
 * Who acts on which mailbox, and on whose behalf: {@code actor} is who acts, {@code owner} the mailbox they act on
 * (the same person unless a delegation applies). Only {@link MailboxAccess} creates one (ArchitectureTest).
 *
 * @param kind a signed-in user, a background job acting for an account, or the portal's own system mail
 * @param ownerAccount the owner's account (table {@code account}), looked up once when the context is made; null for
 *     the portal's system mail, which has no account
 */
public record MailboxContext(MailAddress actor, MailAddress owner, Kind kind, Long ownerAccount) {

    /** The owner's account id, for the tables keyed by account (preferences, signatures, scheduled sends …). */
    public long ownerAccountId() {
        if (ownerAccount == null) {
            throw new IllegalStateException("No account behind " + owner.address() + " (" + kind + ")");
        }
        return ownerAccount;
    }

    /** On whose behalf the store is reached. */
    public enum Kind {
        /** The signed-in user, from the container's caller: the pages and their servlets. */
        USER,
        /** A background job acting for one account (scheduled sends, nightly jobs). */
        JOB,
        /** The portal's own mail (password recovery, security notices, the evidence mailbox of scheduled sends). */
        SYSTEM
    }
}

package fr.preau.mail;

import java.io.Serializable;

/**
 * Who acts on which mailbox, and on whose behalf: {@code actor} is who acts, {@code owner} the mailbox they act on
 * (the same person unless a delegation applies). Only {@link MailboxAccess} creates one (ArchitectureTest).
 *
 * @param kind a signed-in user, a delegate in someone else's mailbox, a background job acting for an account, or the
 *     portal's own system mail
 * @param ownerAccount the owner's account (table {@code account}), looked up once when the context is made; null for
 *     the portal's system mail, which has no account
 * @param rights what the actor may do there: a delegation's rights; null (every right) in one's own mailbox
 */
public record MailboxContext(MailAddress actor, MailAddress owner, Kind kind, Long ownerAccount, Rights rights) {

    public MailboxContext {
        rights = rights == null ? Rights.ALL : rights;
    }

    /** The owner's account id, for the tables keyed by account (preferences, signatures, scheduled sends …). */
    public long ownerAccountId() {
        if (ownerAccount == null) {
            throw new IllegalStateException("No account behind " + owner.address() + " (" + kind + ")");
        }
        return ownerAccount;
    }

    /** Whether a delegate acts in someone else's mailbox (docs/adr/0104). */
    public boolean delegated() {
        return kind == Kind.DELEGATE;
    }

    /**
     * What may be done in the mailbox (docs/adr/0104): reading is always allowed to whoever holds a context.
     *
     * @param file flag, move, delete ("lecture et classement")
     * @param send send with the owner in From ("envoi de la part de")
     */
    public record Rights(boolean file, boolean send) implements Serializable {
        /** One's own mailbox. */
        public static final Rights ALL = new Rights(true, true);
    }

    /** On whose behalf the store is reached. */
    public enum Kind {
        /** The signed-in user, from the container's caller: the pages and their servlets. */
        USER,
        /**
         * A signed-in delegate in the mailbox of an owner who delegated it (docs/adr/0104): the store is reached as
         * the delegate, through the owner's folders in the shared namespace, so Dovecot checks the ACLs again.
         */
        DELEGATE,
        /** A background job acting for one account (scheduled sends, nightly jobs). */
        JOB,
        /** The portal's own mail (password recovery, security notices, the evidence mailbox of scheduled sends). */
        SYSTEM
    }
}

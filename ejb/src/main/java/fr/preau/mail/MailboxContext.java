package fr.preau.mail;

/**
 * Who acts on which mailbox, and on whose behalf: {@code actor} is who acts, {@code owner} the mailbox they act on
 * (the same person unless a delegation applies). Only {@link MailboxAccess} creates one (ArchitectureTest).
 *
 * @param kind a signed-in user, a background job acting for an account, or the portal's own system mail
 */
public record MailboxContext(MailAddress actor, MailAddress owner, Kind kind) {

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

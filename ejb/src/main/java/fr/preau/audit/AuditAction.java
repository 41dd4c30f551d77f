package fr.preau.audit;

/** What an audit log entry records (capability ID-7 of the product). */
public enum AuditAction {
    SIGN_IN,
    SIGN_OUT,
    PASSWORD_CHANGED,
    MFA_CHANGED,
    APP_PASSWORD_CREATED,
    APP_PASSWORD_REVOKED,
    SESSION_REVOKED,
    RECOVERY_ADDRESS_CHANGED,
    ACCOUNT_CREATED,
    ADMIN_ACTION,
    /** A delegation (docs/adr/0103): the actor is who acted, the subject always the mailbox's owner. */
    DELEGATION_GRANTED,
    DELEGATION_ACCEPTED,
    DELEGATION_REFUSED,
    DELEGATION_CHANGED,
    DELEGATION_ENDED,
    /**
     * A message sent from the portal on behalf of a mailbox's owner by a delegate (docs/adr/0104): the actor is the
     * delegate, the subject the owner.
     */
    MAIL_SENT_ON_BEHALF,
    /** A message held for a moderated list (docs/adr/0101), approved or refused by a manager. */
    LIST_MESSAGE_APPROVED,
    LIST_MESSAGE_REFUSED
}

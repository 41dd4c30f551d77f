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
    LIST_MESSAGE_APPROVED,
    LIST_MESSAGE_REFUSED
}

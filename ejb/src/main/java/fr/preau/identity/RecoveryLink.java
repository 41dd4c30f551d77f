package fr.preau.identity;

/** What a recovery link (address verification or password reset) is worth when opened. */
public enum RecoveryLink {
    VALID,
    UNKNOWN,
    USED,
    EXPIRED
}

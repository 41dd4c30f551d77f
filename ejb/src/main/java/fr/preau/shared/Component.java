package fr.preau.shared;

/** A server Préau depends on; named in the message a user sees when it is unavailable. */
public enum Component {
    /** Dovecot: reading mail (IMAP). */
    MAIL_STORE,
    /** Postfix: sending mail (SMTP submission). */
    MAIL_TRANSPORT,
    /** PostgreSQL: accounts, settings. */
    DATABASE,
    /** Keycloak: identity. */
    IDENTITY,
    /** The storage folder of large files sent as download links. */
    LARGE_FILES
}

package fr.preau.mail;

/** The system flags of a message that the portal sets or clears (IMAP \Seen and \Flagged). */
public enum MessageFlag {
    /** Lu. */
    SEEN,
    /** Suivi (drapeau). */
    FLAGGED
}

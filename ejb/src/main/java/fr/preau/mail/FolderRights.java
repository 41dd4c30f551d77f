package fr.preau.mail;

/**
 * The rights another person holds on every folder of a mailbox (a delegation's, docs/adr/0103); the store says how
 * it enforces them (Dovecot: IMAP ACLs).
 */
public enum FolderRights {
    /** List and read. */
    READ,
    /** List, read, flag, move between the owner's folders, delete. */
    READ_AND_FILE,
    /** Rights that are neither (set by hand, outside the portal). */
    OTHER
}

package fr.preau.delegation;

/** What a delegate may do in the owner's mailbox (docs/adr/0103 gives the IMAP rights of each). */
public enum MailAccess {
    /** No access to the mailbox (a delegation for sending or the agenda only). */
    NONE,
    /** "Lecture": list and read the folders. */
    READ,
    /** "Lecture et classement": read, flag, move between folders, delete. */
    FILE;

    /** The column value ({@code none}, {@code read}, {@code file}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value of a column. */
    public static MailAccess of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}

package fr.preau.mail;

/** The orders of the message list, each an IMAP SORT key (RFC 5256, RFC 5957 for DISPLAYFROM). */
public enum MessageSort {
    DATE("DATE"),
    FROM("DISPLAYFROM"),
    SUBJECT("SUBJECT"),
    SIZE("SIZE");

    private final String imapKey;

    MessageSort(String imapKey) {
        this.imapKey = imapKey;
    }

    public String imapKey() {
        return imapKey;
    }
}

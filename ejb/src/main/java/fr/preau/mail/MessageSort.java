package fr.preau.mail;

/**
 * The orders of the message list, each an IMAP SORT key (RFC 5256, RFC 5957 for DISPLAYFROM). {@link #ARRIVAL}, the
 * default, is the folder's own order (date of reception, as Zimbra and Convergence sort by default): it needs no SORT,
 * the page is read by sequence numbers.
 */
public enum MessageSort {
    ARRIVAL("ARRIVAL"),
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

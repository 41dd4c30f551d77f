package fr.preau.directory;

/**
 * The HR feed as a whole cannot be used (unreadable, a column missing, broken quoting): the import stops before
 * or where it is, and nobody is disabled. {@link #key()} is the message key ({@code directory.import.refused.*}).
 */
public class FeedRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String detail;

    public FeedRefused(String key, String detail) {
        super(key + ": " + detail);
        this.key = key;
        this.detail = detail;
    }

    public String key() {
        return key;
    }

    public String detail() {
        return detail;
    }
}

package fr.preau.directory;

/**
 * A line of the HR feed that cannot be applied: {@link #key()} is the message key of its fault (French and English
 * in the portal's bundles, {@code directory.import.fault.*}), {@link #detail()} the value at fault as read.
 */
public class FeedFault extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String hrId;
    private final String key;
    private final String detail;

    public FeedFault(int line, String hrId, String key, String detail) {
        super("line " + line + ": " + key + (detail == null ? "" : " (" + detail + ")"));
        this.line = line;
        this.hrId = hrId;
        this.key = key;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public String hrId() {
        return hrId;
    }

    public String key() {
        return key;
    }

    public String detail() {
        return detail;
    }
}

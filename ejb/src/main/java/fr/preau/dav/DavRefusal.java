package fr.preau.dav;

import jakarta.ejb.ApplicationException;
import javax.xml.namespace.QName;

/**
 * A DAV request refused with an HTTP status: 401 (no or wrong credentials), 403 (a read-only book, a precondition of
 * RFC 6352 or 6578 named by {@link #condition()}), 404 (nothing there, or not the caller's: the same answer), 409,
 * 412 (a stale {@code If-Match}), 415. {@link #reason()} says why, for the log and the body, never a stack trace.
 */
@ApplicationException(rollback = true)
public class DavRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient QName condition;
    private final String reason;

    public DavRefusal(int status, QName condition, String reason) {
        super(status + " " + reason);
        this.status = status;
        this.condition = condition;
        this.reason = reason;
    }

    public static DavRefusal notFound() {
        return new DavRefusal(404, null, "dav.notFound");
    }

    public static DavRefusal stale() {
        return new DavRefusal(412, null, "dav.stale");
    }

    public int status() {
        return status;
    }

    /** The precondition element of the {@code DAV:error} body (RFC 4918 §16), or null. */
    public QName condition() {
        return condition;
    }

    /** A message key of the portal's bundles ({@code dav.*}). */
    public String reason() {
        return reason;
    }
}

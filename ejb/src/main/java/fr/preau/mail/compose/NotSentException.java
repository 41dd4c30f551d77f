package fr.preau.mail.compose;

import fr.preau.mail.MessageUid;
import jakarta.ejb.ApplicationException;

/**
 * The message was not sent; it is kept in Brouillons as {@link #draft()} (null if even that failed: the page
 * still holds it). {@link #reason()} says why, as the service exceptions do.
 */
@ApplicationException(rollback = true)
public class NotSentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient MessageUid draft;
    private final RuntimeException reason;

    public NotSentException(RuntimeException reason, MessageUid draft) {
        super("Not sent: " + reason.getMessage(), reason);
        this.reason = reason;
        this.draft = draft;
    }

    public MessageUid draft() {
        return draft;
    }

    public RuntimeException reason() {
        return reason;
    }
}

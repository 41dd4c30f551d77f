package fr.preau.shared;

import jakarta.ejb.ApplicationException;

/** What the user asked for (a folder, a message) does not exist, or no longer does. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public NotFoundException(String messageKey, String detail) {
        super(messageKey + ": " + detail);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

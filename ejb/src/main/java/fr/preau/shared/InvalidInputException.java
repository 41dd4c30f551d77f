package fr.preau.shared;

import jakarta.ejb.ApplicationException;

/**
 * Input a user gave is not acceptable. {@link #field()} names the form field, {@link #messageKey()} the resource
 * bundle key of the explanation, {@link #argument()} an optional value to quote in it (the bad address). Nothing
 * was changed.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageKey;
    private final String argument;

    public InvalidInputException(String field, String messageKey, String argument) {
        super(field + ": " + messageKey + (argument == null ? "" : " (" + argument + ")"));
        this.field = field;
        this.messageKey = messageKey;
        this.argument = argument;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public String argument() {
        return argument;
    }
}

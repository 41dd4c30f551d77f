package fr.preau.contacts;

import java.io.Serializable;

/**
 * An e-mail address or a phone number of a contact with its type: {@code work}, {@code home}, {@code other}, and for
 * phones also {@code mobile}.
 */
public record ContactValue(String value, String type) implements Serializable {
    private static final long serialVersionUID = 1L;
}

package fr.preau.mail;

import java.io.Serializable;

/**
 * Identifies a message for as long as the folder keeps its UIDVALIDITY. The text form {@code validity:uid} travels
 * through pages and links.
 */
public record MessageUid(long uidValidity, long uid) implements Serializable {
    public MessageUid {
        if (uidValidity <= 0 || uid <= 0) {
            throw new IllegalArgumentException("Not a message UID");
        }
    }

    /** Parses {@code validity:uid}. */
    public static MessageUid parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Not a message UID");
        }
        int colon = text.indexOf(':');
        try {
            return new MessageUid(Long.parseLong(text.substring(0, Math.max(colon, 0))),
                    Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a message UID: " + text, e);
        }
    }

    @Override
    public String toString() {
        return uidValidity + ":" + uid;
    }
}

package fr.preau.mail;

import java.io.Serializable;

/** The full IMAP name of a folder, e.g. {@code INBOX} or {@code Archives/2026}. */
public record FolderPath(String name) implements Serializable {
    public static final FolderPath INBOX = new FolderPath("INBOX");

    public FolderPath {
        if (name == null || name.isBlank() || name.length() > 500 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Not a folder name");
        }
    }

    /** The last segment, shown to the user. */
    public String leaf(char separator) {
        int at = name.lastIndexOf(separator);
        return at < 0 ? name : name.substring(at + 1);
    }
}

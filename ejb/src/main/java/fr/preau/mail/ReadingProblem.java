package fr.preau.mail;

import java.io.Serializable;

/**
 * Something of a message that could not be decoded as sent; the rest is shown. {@code detail} names what (a charset,
 * a part's name) and may be empty.
 */
public record ReadingProblem(Kind kind, String detail) implements Serializable {
    public enum Kind {
        /** A text in a charset Java does not know: shown as UTF-8 or Latin-1. */
        CHARSET,
        /** The MIME structure is broken (missing boundary, bad nesting): what could be read is shown. */
        STRUCTURE,
        /** One part could not be read (bad base64, truncated). */
        PART,
        /** The text is too long and was cut. */
        TRUNCATED,
        /** The message has more parts than are read ({@code detail}: how many are); the rest is not shown. */
        PARTS,
        /** A header could not be parsed (sender, recipients, date), or the header block is broken. */
        HEADERS,
        /** The message has no text and no attachment. */
        EMPTY
    }

    public ReadingProblem {
        detail = detail == null ? "" : detail;
    }
}

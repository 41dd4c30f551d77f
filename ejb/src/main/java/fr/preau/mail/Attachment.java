package fr.preau.mail;

import java.io.Serializable;

/**
 * A part of a message the user can download: {@code part} names it inside the message (see
 * {@link PartPath}), {@code size} is the decoded size as far as the server tells it (an estimate for base64).
 * {@code inline} parts are images the HTML shows through {@code cid:}; they are not listed as attachments.
 */
public record Attachment(String part, String name, String contentType, long size, boolean inline)
        implements Serializable {
}

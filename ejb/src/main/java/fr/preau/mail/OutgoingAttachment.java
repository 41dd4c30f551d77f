package fr.preau.mail;

import java.io.Serializable;
import java.util.Locale;

/**
 * A file joined to an outgoing message. The name is reduced to a plain file name (no folder, no control character);
 * the content type to {@code type/subtype}, {@code application/octet-stream} when it is not one.
 */
public record OutgoingAttachment(String name, String contentType, byte[] data) implements Serializable {
    /** The type of a message forwarded as an attachment. */
    public static final String MESSAGE_RFC822 = "message/rfc822";

    public OutgoingAttachment {
        name = fileName(name);
        contentType = contentType == null || !contentType.strip().matches("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+")
                ? "application/octet-stream" : contentType.strip().toLowerCase(Locale.ROOT);
        data = data == null ? new byte[0] : data;
    }

    public long size() {
        return data.length;
    }

    private static String fileName(String name) {
        String n = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ");
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).strip();
        return n.isEmpty() ? "piece-jointe" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}

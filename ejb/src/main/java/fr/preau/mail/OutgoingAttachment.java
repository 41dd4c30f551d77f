package fr.preau.mail;

import java.io.Serializable;
import java.util.Locale;

/**
 * A file joined to an outgoing message: its name, type and size, and where its bytes are ({@link AttachmentSource};
 * never the bytes of a mailbox part or of an upload). The name is reduced to a plain file name (no folder, no
 * control character); the content type to {@code type/subtype}, {@code application/octet-stream} when it is not one.
 * {@code size} is in bytes, estimated from the encoded size for a mailbox part.
 */
public record OutgoingAttachment(String name, String contentType, long size, AttachmentSource source)
        implements Serializable {
    /** The type of a message forwarded as an attachment. */
    public static final String MESSAGE_RFC822 = "message/rfc822";

    public OutgoingAttachment {
        name = fileName(name);
        contentType = contentType == null || !contentType.strip().matches("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+")
                ? "application/octet-stream" : contentType.strip().toLowerCase(Locale.ROOT);
        source = source == null ? new AttachmentSource.Bytes(null) : source;
        size = Math.max(0, size);
    }

    /** Small content made in code, held in memory. */
    public OutgoingAttachment(String name, String contentType, byte[] data) {
        this(name, contentType, data == null ? 0 : data.length, new AttachmentSource.Bytes(data));
    }

    /** The same file, its bytes now found elsewhere (the saved draft). */
    public OutgoingAttachment from(AttachmentSource other) {
        return new OutgoingAttachment(name, contentType, size, other);
    }

    private static String fileName(String name) {
        String n = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ");
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).strip();
        return n.isEmpty() ? "piece-jointe" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}

package fr.preau.mail;

import java.io.Serializable;

/**
 * Where the bytes of an outgoing attachment are, so that a compose page holds a reference, never the bytes: a part
 * of a message in the mailbox (forwarded, or in the saved draft), a file the portal spooled to its temporary folder
 * (an upload), or, for small values built in code, the bytes themselves. The bytes are streamed when the message is
 * written (sent, saved as a draft, scheduled).
 */
public sealed interface AttachmentSource extends Serializable {
    /** Bytes held in memory: only for small content made by the portal itself. */
    record Bytes(byte[] data) implements AttachmentSource {
        public Bytes {
            data = data == null ? new byte[0] : data;
        }
    }

    /** A file of the portal's temporary folder ({@link fr.preau.mail.TempFiles}). */
    record TempFile(String path) implements AttachmentSource {
    }

    /**
     * A part of a message in the user's mailbox, read when the message is written: {@code section} is its IMAP
     * part number ({@code 2}, {@code 1.3}), null for the whole message (a message forwarded as an attachment).
     */
    record MessagePart(FolderPath folder, MessageUid uid, String section) implements AttachmentSource {
    }
}

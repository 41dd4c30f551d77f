package fr.preau.mail;

import java.io.IOException;
import java.time.Instant;

/** Receives a folder's messages as they are stored, oldest first, in batches ({@link Mailbox#stream}). */
public interface MessageStream {
    /** Called once the folder is known to exist, before the first message, with how many it holds. */
    void begin(int total) throws IOException;

    /**
     * One message: its UID, its arrival date (null when unknown) and its bytes {@code bytes[start, start + count)},
     * which are valid during the call only.
     */
    void message(long uid, Instant arrived, byte[] bytes, int start, int count) throws IOException;

    /** After each batch: how many messages were given so far. */
    void progress(int done) throws IOException;
}

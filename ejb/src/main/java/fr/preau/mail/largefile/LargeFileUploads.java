package fr.preau.mail.largefile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import fr.preau.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The chunks being received right now, per account and per upload: at most {@code limit} at a time for one account
 * (setting {@code mail.large-file.max-concurrent}), and never two chunks of the same upload at once. Held in memory:
 * a chunk is in flight only while a request thread of this server copies it.
 */
@ApplicationScoped
public class LargeFileUploads {
    private final Map<Long, Integer> perAccount = new HashMap<>();
    private final Set<Long> uploads = new HashSet<>();

    /**
     * Takes a place for one chunk, released when the returned slot is closed.
     *
     * @throws InvalidInputException {@code largefile.error.busy} (with the limit) when the account already has
     *     {@code limit} chunks in flight, {@code largefile.error.offset} when this upload already has one
     */
    public synchronized Slot enter(long account, long upload, int limit) {
        int running = perAccount.getOrDefault(account, 0);
        if (running >= limit) {
            throw new InvalidInputException("largeFile", "largefile.error.busy", String.valueOf(limit));
        }
        if (!uploads.add(upload)) {
            throw new InvalidInputException("largeFile", "largefile.error.offset", null);
        }
        perAccount.put(account, running + 1);
        return new Slot(account, upload);
    }

    /** How many chunks of this account are being received. */
    public synchronized int running(long account) {
        return perAccount.getOrDefault(account, 0);
    }

    private synchronized void leave(long account, long upload) {
        uploads.remove(upload);
        int left = perAccount.getOrDefault(account, 1) - 1;
        if (left <= 0) {
            perAccount.remove(account);
        } else {
            perAccount.put(account, left);
        }
    }

    /** One chunk in flight; closing it frees the place. */
    public final class Slot implements AutoCloseable {
        private final long account;
        private final long upload;
        private boolean closed;

        private Slot(long account, long upload) {
            this.account = account;
            this.upload = upload;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                leave(account, upload);
            }
        }
    }
}

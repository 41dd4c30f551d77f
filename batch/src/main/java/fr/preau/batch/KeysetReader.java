package fr.preau.batch;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.batch.api.chunk.AbstractItemReader;

/**
 * Reads the rows of a job a page at a time, in the order of a unique text key (an address, an identifier), each
 * page the rows after the last key read. Its checkpoint is the key of the last row of the last committed chunk: a
 * restart goes on after it. Shared by the readers of mail-archiving, quota-sweep and password-expiry.
 *
 * @param <T> the rows
 */
public abstract class KeysetReader<T> extends AbstractItemReader {
    private final Deque<T> page = new ArrayDeque<>();
    private final int pageSize;
    private String last = "";
    private boolean exhausted;

    protected KeysetReader(int pageSize) {
        this.pageSize = pageSize;
    }

    /** At most {@code limit} rows whose key comes after {@code after}, in key order. */
    protected abstract List<T> page(String after, int limit);

    /** The row's key. */
    protected abstract String key(T row);

    /** Whether the row is handed to the chunk (a row left out still moves the checkpoint past it). */
    protected boolean wanted(T row) {
        return true;
    }

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? "" : (String) checkpoint;
    }

    @Override
    public Object readItem() {
        while (true) {
            if (page.isEmpty() && !exhausted) {
                List<T> next = page(last, pageSize);
                exhausted = next.size() < pageSize;
                page.addAll(next);
            }
            T row = page.poll();
            if (row == null) {
                return null;
            }
            last = key(row);
            if (wanted(row)) {
                return row;
            }
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}

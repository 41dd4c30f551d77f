package fr.preau.web.mail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far each running export is, so that the export page can show a progress bar while the browser downloads.
 * Keyed by the HTTP session and a token of the page: a user only ever sees their own exports. Entries older than an
 * hour are dropped.
 */
@ApplicationScoped
public class ExportProgress {
    private static final long KEEP_MS = 3_600_000L;

    /** One export: messages written, messages in the folder, finished (or failed). */
    public record State(int done, int total, boolean finished, boolean failed, long updatedAt) {
        public int percent() {
            if (finished && !failed) {
                return 100;
            }
            return total <= 0 ? 0 : (int) Math.min(99, done * 100L / total);
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    public void update(String session, String token, int done, int total) {
        long now = System.currentTimeMillis();
        states.values().removeIf(s -> now - s.updatedAt() > KEEP_MS);
        states.put(key(session, token), new State(done, total, false, false, now));
    }

    public void finish(String session, String token, boolean failed) {
        states.computeIfPresent(key(session, token), (k, s) -> new State(s.done(), s.total(), true, failed,
                System.currentTimeMillis()));
    }

    /** The state of an export, or null before it starts. */
    public State get(String session, String token) {
        return states.get(key(session, token));
    }

    private static String key(String session, String token) {
        return session + "/" + token;
    }
}

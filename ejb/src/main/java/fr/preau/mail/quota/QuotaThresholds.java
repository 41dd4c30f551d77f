package fr.preau.mail.quota;

import java.util.List;

/**
 * When a user is told that their mailbox fills up (pure logic, docs/adr/0093): at 80, 90 and 100 % of the quota,
 * once per crossing. The state is the highest threshold already mailed for the current crossing (0: none).
 */
public final class QuotaThresholds {
    /** The thresholds, in percent of the quota. */
    public static final List<Integer> LEVELS = List.of(80, 90, 100);

    private QuotaThresholds() {
    }

    /** The highest threshold reached at {@code percent} (0 below the first). */
    public static int reached(int percent) {
        int reached = 0;
        for (int level : LEVELS) {
            if (percent >= level) {
                reached = level;
            }
        }
        return reached;
    }

    /**
     * What to do tonight: the new state, and the threshold to mail (0: no mail). Crossing one or more thresholds
     * upwards mails once, for the highest reached; staying at the same level mails nothing; going back under a
     * threshold lowers the state without a mail, so that crossing it again mails again.
     *
     * @param mailed the state kept since the last night (0, 80, 90 or 100)
     * @param percent whole percent of the quota used now
     */
    public static Decision next(int mailed, int percent) {
        int reached = reached(percent);
        return new Decision(reached, reached > mailed ? reached : 0);
    }

    /** The state to keep and the threshold to mail about (0: none). */
    public record Decision(int state, int mail) {
    }
}

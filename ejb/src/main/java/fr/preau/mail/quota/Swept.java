package fr.preau.mail.quota;

import java.io.Serializable;

/**
 * What the sweep did for one account on one day.
 *
 * @param taken whether this run took the day's snapshot (false: an earlier run of the day had, nothing changed)
 * @param mailed the threshold mailed about (80, 90, 100), 0 for none
 */
public record Swept(boolean taken, long usedKb, long limitKb, int mailed) implements Serializable {
    /** The day's snapshot was already there: nothing read, nothing changed. */
    public static Swept already() {
        return new Swept(false, 0, 0, 0);
    }
}

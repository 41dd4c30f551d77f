package fr.preau.mail.quota;

import java.io.Serializable;

/**
 * What the sweep did for one account on one day.
 *
 * @param taken whether this run took the day's snapshot (false: an earlier run of the day had, nothing changed, or
 *        the account failed)
 * @param mailed the threshold mailed about (80, 90, 100), 0 for none
 * @param failure why the account was skipped (nothing written for it), null when it was not
 */
public record Swept(boolean taken, long usedKb, long limitKb, int mailed, RuntimeException failure)
        implements Serializable {
    /** The day's snapshot was already there: nothing read, nothing changed. */
    public static Swept already() {
        return new Swept(false, 0, 0, 0, null);
    }

    /** The account failed (its mailbox refused, it is gone, its alert could not leave): skipped. */
    public static Swept failed(RuntimeException failure) {
        return new Swept(false, 0, 0, 0, failure);
    }

    /** Whether the account was skipped. */
    public boolean skipped() {
        return failure != null;
    }
}

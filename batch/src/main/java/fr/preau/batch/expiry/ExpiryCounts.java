package fr.preau.batch.expiry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.preau.identity.PasswordExpiry.Outcome;

/**
 * What an execution of password-expiry did so far, kept in the step's persistent user data (saved with each
 * checkpoint, so a restarted execution goes on counting) and written as the step's exit status.
 */
final class ExpiryCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Accounts named in the exit status at most (it is a column of 2,000 characters). */
    private static final int NAMED = 20;

    private int reviewed;
    private final int[] outcomes = new int[Outcome.values().length];
    private final List<String> skipped = new ArrayList<>();

    void reviewed(Set<Outcome> done) {
        reviewed++;
        for (Outcome o : done) {
            outcomes[o.ordinal()]++;
        }
    }

    void skipped(String username) {
        skipped.add(username);
    }

    int count(Outcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    /** {@code REVIEWED n PASSWORD_WARNED a PASSWORD_EXPIRED b INACTIVITY_WARNED c SUSPENDED d SKIPPED k [names]}. */
    String exitStatus() {
        StringBuilder s = new StringBuilder("REVIEWED ").append(reviewed);
        for (Outcome o : Outcome.values()) {
            s.append(' ').append(o.name()).append(' ').append(count(o));
        }
        s.append(" SKIPPED ").append(skipped.size());
        if (!skipped.isEmpty()) {
            s.append(' ').append(skipped.subList(0, Math.min(NAMED, skipped.size())));
        }
        return s.toString();
    }
}

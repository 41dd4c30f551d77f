package fr.preau.batch.quota;

import java.util.ArrayList;
import java.util.List;

import fr.preau.batch.StepCounts;

/**
 * What one chunk of a partition did, sent to the step by the collector: snapshots taken, accounts already swept
 * that day, alerts mailed, mailboxes skipped.
 */
public record QuotaCounts(int swept, int unchanged, int alerts, List<String> skipped)
        implements StepCounts<QuotaCounts> {
    public QuotaCounts {
        skipped = List.copyOf(skipped);
    }

    /** Nothing done yet. */
    public static QuotaCounts none() {
        return new QuotaCounts(0, 0, 0, List.of());
    }

    @Override
    public QuotaCounts plus(QuotaCounts other) {
        List<String> all = new ArrayList<>(skipped);
        all.addAll(other.skipped);
        return new QuotaCounts(swept + other.swept, unchanged + other.unchanged, alerts + other.alerts, all);
    }

    /**
     * The step's exit status, kept in the job repository and shown on the jobs page: {@code SWEPT n UNCHANGED u
     * ALERTS a SKIPPED k [addresses]} (at most ten addresses; the log has every one).
     */
    @Override
    public String exitStatus() {
        String status = "SWEPT " + swept + " UNCHANGED " + unchanged + " ALERTS " + alerts + " SKIPPED "
                + skipped.size();
        return skipped.isEmpty() ? status : status + " " + skipped.subList(0, Math.min(10, skipped.size()));
    }
}

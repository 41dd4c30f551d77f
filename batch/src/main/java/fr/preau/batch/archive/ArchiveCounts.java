package fr.preau.batch.archive;

import java.util.ArrayList;
import java.util.List;

import fr.preau.batch.StepCounts;

/** What one chunk of a partition did, sent to the step by the collector: messages moved, mailboxes skipped. */
public record ArchiveCounts(int accounts, int moved, List<String> skipped) implements StepCounts<ArchiveCounts> {
    public ArchiveCounts {
        skipped = List.copyOf(skipped);
    }

    /** Nothing done yet. */
    public static ArchiveCounts none() {
        return new ArchiveCounts(0, 0, List.of());
    }

    @Override
    public ArchiveCounts plus(ArchiveCounts other) {
        List<String> all = new ArrayList<>(skipped);
        all.addAll(other.skipped);
        return new ArchiveCounts(accounts + other.accounts, moved + other.moved, all);
    }

    /**
     * The step's exit status, kept in the job repository and shown with the execution: {@code ARCHIVED n
     * ACCOUNTS a SKIPPED k [addresses]} (at most ten addresses; the log has every one).
     */
    @Override
    public String exitStatus() {
        String status = "ARCHIVED " + moved + " ACCOUNTS " + accounts + " SKIPPED " + skipped.size();
        return skipped.isEmpty() ? status
                : status + " " + skipped.subList(0, Math.min(10, skipped.size()));
    }
}

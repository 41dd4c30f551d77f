package fr.preau.agenda;

import java.io.Serializable;
import java.util.List;

/**
 * What an import of a {@code .ics} file did: events created, events updated (same UID already in the calendar),
 * events unchanged (the same object again), and those left out, each with where and why.
 *
 * @param created new events
 * @param updated events replaced by the file's version
 * @param unchanged events the file brought as they already were
 * @param skipped events left out, in the order of the file
 */
public record IcsImportReport(int created, int updated, int unchanged, List<Skipped> skipped) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * An event left out.
     *
     * @param line the line of the file where it starts (from 1)
     * @param uid its UID, or null
     * @param title its title, or null
     * @param reason message key of why ({@code agenda.import.noStart}, {@code agenda.import.badRule} …)
     */
    public record Skipped(int line, String uid, String title, String reason) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}

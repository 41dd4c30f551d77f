package fr.preau.mail.archive;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One account to archive and its policy: messages dated more than {@code days} days before the night of the run
 * leave INBOX and Envoyés. The account's own value wins over its quota class's, which wins over the academy's;
 * 0 means no archiving (ADR 0092).
 */
public record ArchivePolicy(String address, int days) implements Serializable {
    /** Longest policy accepted (a hundred years), as the migration's check says. */
    public static final int MAX_DAYS = 36500;

    /** The policy that applies: the account's value, else its class's, else the academy's. */
    public static int effective(Integer account, Integer quotaClass, int academy) {
        if (account != null) {
            return account;
        }
        return quotaClass != null ? quotaClass : academy;
    }

    /** Whether the account is archived at all. */
    public boolean enabled() {
        return days > 0;
    }

    /** Messages dated before this day are archived, for a run on {@code today}. */
    public LocalDate cutoff(LocalDate today) {
        return today.minusDays(days);
    }
}

package fr.preau.mail.quota;

/**
 * What the sweep knows of one account of a chunk before reading its mailbox (docs/adr/0093).
 *
 * @param account the account as the reader gave it
 * @param hasMailbox whether the account still has a mailbox (enabled, domain active)
 * @param sweptToday whether the day's snapshot exists already
 * @param mailed the threshold mailed for the current crossing (0, 80, 90, 100)
 * @param recovery the account's verified recovery address, or null
 * @param clonedBytes the storage Dovecot last copied to {@code mail_quota_clone}, or null when it has no row yet
 * @param limitKb the quota Dovecot enforces (the quota class's, in KiB; 0: none)
 */
public record QuotaState(SweptAccount account, boolean hasMailbox, boolean sweptToday, int mailed, String recovery,
        Long clonedBytes, long limitKb) {
}

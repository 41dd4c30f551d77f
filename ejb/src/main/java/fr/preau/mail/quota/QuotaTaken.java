package fr.preau.mail.quota;

/**
 * A snapshot the sweep writes, with the account's new alert state (docs/adr/0093).
 *
 * @param fromMailbox the usage was read from the mailbox (no cloned row yet): the sweep writes that row too
 */
public record QuotaTaken(long accountId, String address, long usedKb, long limitKb, int state, boolean fromMailbox) {
}

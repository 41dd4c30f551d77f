/**
 * Delegation's one answer to "may A act for B, and with which rights" ({@link fr.preau.delegation.Delegations}),
 * asked by every mail (and later agenda) service before it reaches another person's mailbox; the end date is checked
 * at every use. The rows are in {@link fr.preau.delegation.DelegationRows}. Granting, accepting and ending live in
 * {@code fr.preau.delegation.registry}, which sets the IMAP rights through the mail port; this package depends on no
 * mail code, so that the mail tier can ask it (docs/adr/0103).
 */
package fr.preau.delegation;

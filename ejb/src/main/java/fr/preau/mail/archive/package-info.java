/**
 * The archiving of old mail (issue 11, JOB-1; docs/adr/0092): which accounts to archive with which policy, and the
 * archiving of one account through the {@link fr.preau.mail.Mailbox} port. The nightly job of the {@code batch}
 * module reads and partitions the accounts; every move is a UID MOVE journalled as ADR 0021 and 0022 describe.
 */
package fr.preau.mail.archive;

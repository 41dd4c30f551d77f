/**
 * Quotas of the mailboxes (issue 11, JOB-2 and ADM-2; docs/adr/0093): the nightly sweep that keeps one snapshot of
 * each mailbox's storage a day and mails the user at 80, 90 and 100 % once per crossing, and the administrators'
 * report over those snapshots, limited to an establishment administrator's establishments.
 */
package fr.preau.mail.quota;

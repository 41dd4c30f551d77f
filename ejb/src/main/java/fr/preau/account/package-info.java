/**
 * Staff accounts: who owns which mailbox, in which establishment, with which quota class. The {@code account}
 * table is the source of truth that Dovecot and Postfix read live; the identity itself (password, MFA) is Keycloak's.
 * Its rows are read and written by {@link fr.preau.account.AccountRecords} only (issue 10, item 2; docs/adr/0085).
 */
package fr.preau.account;

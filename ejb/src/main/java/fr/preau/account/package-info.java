/**
 * Staff accounts: who owns which mailbox, in which establishment, with which quota class. The {@code account}
 * table is the source of truth that Dovecot and Postfix read live; the identity itself (password, MFA) is Keycloak's.
 */
package fr.preau.account;

/**
 * Account security around Keycloak: provisional passwords of new accounts (shown once or mailed to a personal
 * address), the signed-in user's password, second factors and sessions, password recovery, the academy's MFA rule
 * for administrators. Keycloak owns the credentials; the portal reaches them through Keycloak's admin API
 * ({@link fr.preau.identity.IdentityServer}, service account {@code preau-admin}). The portal's own rows sit behind
 * one repository per table or concern ({@code AppPasswords}, {@code RecoveryAddresses}, {@code RecoveryTokens},
 * {@code RevokedSessions}, {@code ProvisionalPasswords}, {@code AccountNotices} …; docs/adr/0085), except those of
 * {@code AccountAdministration} and {@code AdministeredAccounts}, still in the services.
 */
package fr.preau.identity;

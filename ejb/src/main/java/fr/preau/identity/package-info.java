/**
 * Account security around Keycloak: provisional passwords of new accounts, the signed-in user's password, second
 * factors and sessions, the academy's MFA rule for administrators. Keycloak owns the credentials; the portal reaches
 * them through Keycloak's admin API ({@link fr.preau.identity.IdentityServer}, service account {@code preau-admin}).
 */
package fr.preau.identity;

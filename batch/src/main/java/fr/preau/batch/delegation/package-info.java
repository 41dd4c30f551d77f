/**
 * The nightly job {@code delegation-expiry}: ends the delegations past their end date and takes the delegate's
 * folder rights back, through the registry of {@code fr.preau.delegation.registry} (docs/adr/0103).
 */
package fr.preau.batch.delegation;

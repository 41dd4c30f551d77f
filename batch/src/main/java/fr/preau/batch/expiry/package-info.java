/**
 * The nightly job {@code password-expiry} (issue 11, JOB-3; docs/adr/0095): accounts read in identifier order and
 * checkpointed, each reviewed by {@link fr.preau.identity.PasswordExpiry} (password warnings and expiry, inactivity
 * warning and suspension); then unused provisional passwords expire and the MFA rule of administrators applies.
 */
package fr.preau.batch.expiry;

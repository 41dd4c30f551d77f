/**
 * The nightly jobs seen from the application: their schedule (academy settings {@code batch.<job>.at}), the claim
 * that starts each one once a night (rows of {@link fr.preau.jobs.NightlyJobRuns}), and the role {@code batch} that
 * the services they call require (docs/adr/0091). The jobs themselves are in the batch module.
 */
package fr.preau.jobs;

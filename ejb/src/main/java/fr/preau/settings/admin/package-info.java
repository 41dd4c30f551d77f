/**
 * The settings page of the administration (issue 11, item 4; docs/adr/0094): every academy setting with its kind and
 * bounds ({@link fr.preau.settings.admin.SettingCatalog}), checked, changed and audited by role {@code admin} only
 * ({@link fr.preau.settings.admin.SettingsAdministration}); the hours of the nightly jobs go through
 * {@code NightlyRuns.schedule}.
 */
package fr.preau.settings.admin;

/** The administration area ({@code /admin/…}): accounts (roles {@code admin} and {@code etab-admin}), the audit. */
package fr.preau.web.admin;

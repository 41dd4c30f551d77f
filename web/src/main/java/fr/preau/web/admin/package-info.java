/** The administration area ({@code /admin/…}, role {@code admin}): the audit search. */
package fr.preau.web.admin;

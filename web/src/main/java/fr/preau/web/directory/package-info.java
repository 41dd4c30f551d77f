/**
 * The page "Annuaire" (issue 12, DIR-1; docs/adr/0099): search the academy's staff, a person's card, and the choice
 * to show one's own personal phone.
 */
package fr.preau.web.directory;

/** The agenda's page ({@code /agenda}; issue 14, docs/adr/0106). */
package fr.preau.web.agenda;

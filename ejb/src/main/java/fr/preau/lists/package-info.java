/**
 * Distribution lists (issue 12, item 3; docs/adr/0101): four kinds (disciplinaire, établissement, fonctionnelle,
 * projet), who may manage each, their members and owners. Postfix expands a list's address and checks who may post
 * by itself, from the lists' tables (migration V140), so mail to a list never passes through the portal; this package
 * only writes those tables, and recomputes the disciplinary lists from the directory after each import.
 */
package fr.preau.lists;

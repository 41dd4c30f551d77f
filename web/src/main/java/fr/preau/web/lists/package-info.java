/**
 * The page "Listes de diffusion" ({@code /listes}): the lists the caller manages, creating one, its members, owners
 * and posting rule (docs/adr/0101). Every access check is the service's ({@code fr.preau.lists.DistributionLists}).
 */
package fr.preau.web.lists;

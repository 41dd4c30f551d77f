package fr.preau.lists;

/**
 * A distribution list as its managers see it.
 *
 * @param id the list's row
 * @param address its address in one of the academy's domains
 * @param name what people call it
 * @param kind one of the four kinds
 * @param establishmentUai the establishment of an {@code etablissement} list, or the scope of a disciplinary one
 * @param discipline the discipline of a disciplinary list
 * @param departement the département of a disciplinary list (the UAI's first three characters)
 * @param posting who may post
 * @param members how many members it has (not counting those of lists inside it)
 * @param moderated whether its mail waits for an approval on the lists' page (ADR 0101)
 */
public record DistributionList(long id, String address, String name, ListKind kind, String establishmentUai,
        String discipline, String departement, PostingRule posting, long members, boolean moderated) {
}

package fr.preau.lists;

/**
 * What a manager types to create a list.
 *
 * @param address the whole address (local part @ one of the academy's domains)
 * @param name what people call it
 * @param kind one of the four kinds
 * @param establishmentUai required for an {@code etablissement} list; for a disciplinary one, its scope unless
 *     {@code departement} is given
 * @param discipline required for a disciplinary list
 * @param departement a disciplinary list's scope: the first three characters of the UAI (069, 02A …)
 * @param posting who may post; members only when null
 */
public record ListDraft(String address, String name, ListKind kind, String establishmentUai, String discipline,
        String departement, PostingRule posting) {
}

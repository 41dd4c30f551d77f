package fr.preau.lists;

import java.util.Arrays;
import java.util.Optional;

/** The four kinds of distribution lists, each with the code stored in {@code distribution_list.kind}. */
public enum ListKind {
    /** Members computed from the directory (a discipline's teachers in an establishment or a département). */
    DISCIPLINAIRE("disciplinaire"),
    /** An establishment's list, managed by its administrators. */
    ETABLISSEMENT("etablissement"),
    /** A list of the academy's services, managed by the academy administrators. */
    FONCTIONNELLE("fonctionnelle"),
    /** Any user's list, which they own with co-owners. */
    PROJET("projet");

    private final String code;

    ListKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind of this stored code, if any. */
    public static Optional<ListKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}

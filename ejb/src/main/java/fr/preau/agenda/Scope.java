package fr.preau.agenda;

/** Which occurrences of a repeated event a change or a deletion applies to. */
public enum Scope {
    /** "Cette occurrence". */
    THIS,
    /** "Celle-ci et les suivantes". */
    FOLLOWING,
    /** "Toutes". */
    ALL
}

package fr.preau.delegation;

/** What a delegate may do in the owner's agenda: stored now, used by the agenda (issue 14). */
public enum AgendaAccess {
    NONE,
    READ,
    EDIT;

    /** The column value ({@code none}, {@code read}, {@code edit}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value of a column. */
    public static AgendaAccess of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}

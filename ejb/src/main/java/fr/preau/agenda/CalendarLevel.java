package fr.preau.agenda;

import java.util.Locale;

/**
 * What a person may do in a calendar, from least to most: see only when its owner is busy (every colleague), see
 * the details (a grant "voir les détails" or a delegation with agenda read), change it (a grant "modifier" or a
 * delegation with agenda edit), own it. A private event stays busy for every level but {@link #OWNER}.
 */
public enum CalendarLevel {
    BUSY,
    DETAILS,
    EDIT,
    OWNER;

    /** The value of a grant ({@code details}, {@code edit}) and the message key suffix. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level of a grant's value. */
    static CalendarLevel of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** May read titles, places and descriptions of events that are not private. */
    public boolean seesDetails() {
        return this != BUSY;
    }

    /** May create, change and delete events. */
    public boolean mayEdit() {
        return this == EDIT || this == OWNER;
    }

    /** The higher of two levels. */
    CalendarLevel max(CalendarLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

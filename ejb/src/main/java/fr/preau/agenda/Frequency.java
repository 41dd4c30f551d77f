package fr.preau.agenda;

import java.util.Locale;

/** How an event repeats: not, every week (lessons), every other week, every month. */
public enum Frequency {
    NONE,
    WEEKLY,
    BIWEEKLY,
    MONTHLY;

    /** The form value and message key suffix ({@code none}, {@code weekly} …). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package fr.preau.mail.search;

import java.io.Serializable;
import java.time.LocalDate;

import fr.preau.mail.FolderPath;

/**
 * A search: words (every word must match, as a word or the start of one), where to look for them, and optional
 * filters. {@code folder} null means every folder; {@code from} and {@code to} are inclusive days in the portal's
 * time zone, each may be null.
 */
public record SearchQuery(String text, SearchField field, FolderPath folder, LocalDate from, LocalDate to)
        implements Serializable {
    public SearchQuery {
        field = field == null ? SearchField.ALL : field;
    }

    /** Every folder, every field, any date. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, SearchField.ALL, null, null, null);
    }
}

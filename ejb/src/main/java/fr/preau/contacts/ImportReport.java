package fr.preau.contacts;

import java.io.Serializable;
import java.util.List;

/**
 * What an import did: the kind of file recognised, the contacts created, those already in the book (same e-mail
 * address or same UID, not created twice) and the cards or lines refused, each with where it was and why.
 */
public record ImportReport(ContactFile.Kind kind, int created, int duplicates, List<Rejected> rejected)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A card (vCard: its number in the file, from 1) or a line (CSV: its line number, the header being line 1) that
     * was not imported; {@code reason} is a message key, {@code detail} the value at fault or null.
     */
    public record Rejected(int position, String reason, String detail) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}

package fr.preau.mail;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One thing the recipient fields offer (issue 12, item 6): a person's address (from the caller's contacts, their
 * recent correspondents, the academy's accounts or the directory), one of the caller's contact groups (all its
 * members' addresses at once) or a distribution list (its one address). {@code uses} and {@code lastUsed} are how
 * often and when the caller last wrote to that address (0 and null for a group or an address never written to).
 */
public record Suggestion(Kind kind, String label, List<MailAddress> addresses, int uses, Instant lastUsed)
        implements Serializable {
    /** Where a suggestion comes from, in the order suggestions used equally often are shown. */
    public enum Kind { CONTACT, GROUP, LIST, RECENT, ACCOUNT, DIRECTORY }

    public Suggestion {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a suggestion adds at least one address");
        }
    }

    /** A suggestion of one address, labelled with its name when it has one. */
    public static Suggestion of(Kind kind, MailAddress address) {
        return new Suggestion(kind, address.personal() == null ? address.address() : address.personal(),
                List.of(address), 0, null);
    }

    /** The same suggestion with the caller's use of its address. */
    public Suggestion used(int count, Instant last) {
        return new Suggestion(kind, label, addresses, count, last);
    }

    /** The first (for a person or a list, the only) address it adds. */
    public MailAddress address() {
        return addresses.get(0);
    }

    /**
     * The suggestions in the order they are shown, at most {@code max}: the addresses the caller writes to most
     * often first (then the most recently written to), then by kind ({@link Kind}'s order), then by label; an
     * address offered by several sources once, under the first kind.
     */
    public static List<Suggestion> ranked(List<Suggestion> found, int max) {
        List<Suggestion> unique = new ArrayList<>();
        for (Suggestion s : found.stream().sorted(Comparator.comparing(Suggestion::kind)).toList()) {
            boolean seen = s.kind != Kind.GROUP && unique.stream()
                    .anyMatch(u -> u.kind != Kind.GROUP && u.address().address().equals(s.address().address()));
            if (!seen) {
                unique.add(s);
            }
        }
        unique.sort(Comparator.comparingInt(Suggestion::uses).reversed()
                .thenComparing(Suggestion::lastUsed, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Suggestion::kind)
                .thenComparing(s -> s.label().toLowerCase(Locale.FRENCH)));
        return List.copyOf(unique.subList(0, Math.min(max, unique.size())));
    }
}

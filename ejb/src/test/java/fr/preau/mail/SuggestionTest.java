package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import fr.preau.mail.Suggestion.Kind;
import org.junit.jupiter.api.Test;

class SuggestionTest {
    private static Suggestion person(Kind kind, String address, String name) {
        return Suggestion.of(kind, new MailAddress(address, name));
    }

    private static List<String> labels(List<Suggestion> ranked) {
        return ranked.stream().map(Suggestion::label).toList();
    }

    @Test
    void theAddressesWrittenToMostOftenComeFirstThenTheMostRecentThenBySource() {
        Instant monday = Instant.parse("2026-11-30T08:00:00Z");
        List<Suggestion> found = List.of(
                person(Kind.DIRECTORY, "zoe.durand@ac-preau.fr", "Zoé Durand"),
                person(Kind.ACCOUNT, "yves.morel@ac-preau.fr", "Yves Morel").used(1, monday),
                person(Kind.CONTACT, "anne.petit@example.org", "Anne Petit"),
                person(Kind.RECENT, "luc.roux@example.org", null).used(1, monday.plusSeconds(3600)),
                person(Kind.RECENT, "marc.blanc@example.org", "Marc Blanc").used(7, monday));
        assertEquals(List.of("Marc Blanc", "luc.roux@example.org", "Yves Morel", "Anne Petit", "Zoé Durand"),
                labels(Suggestion.ranked(found, 10)));
        assertEquals(List.of("Marc Blanc", "luc.roux@example.org"), labels(Suggestion.ranked(found, 2)));
    }

    @Test
    void anAddressOfferedBySeveralSourcesAppearsOnceUnderItsContactName() {
        List<Suggestion> found = List.of(
                person(Kind.DIRECTORY, "anne.petit@ac-preau.fr", "Anne PETIT"),
                person(Kind.ACCOUNT, "anne.petit@ac-preau.fr", "anne.petit"),
                person(Kind.CONTACT, "anne.petit@ac-preau.fr", "Anne Petit (5e B)"),
                new Suggestion(Kind.GROUP, "Anne et Luc", List.of(new MailAddress("anne.petit@ac-preau.fr", null),
                        new MailAddress("luc.roux@example.org", null)), 0, null));
        List<Suggestion> ranked = Suggestion.ranked(found, 10);
        assertEquals(List.of("Anne Petit (5e B)", "Anne et Luc"), labels(ranked),
                "a group is kept even when it holds an address offered alone");
        assertEquals(Kind.CONTACT, ranked.get(0).kind());
    }

    @Test
    void aSuggestionAddsAtLeastOneAddress() {
        assertThrows(IllegalArgumentException.class, () -> new Suggestion(Kind.GROUP, "Vide", List.of(), 0, null));
    }
}

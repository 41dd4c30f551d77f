package fr.preau.mail.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FoldingTest {
    @Test
    void accentsCaseLigaturesAndPunctuationFoldAway() {
        assertEquals("etudiant eleve oeuvre a l ecole", Folding.fold("Étudiant, ÉLÈVE — Œuvre à l'école !"));
        assertEquals("marie dupont ac preau fr", Folding.fold("marie.dupont@ac-preau.fr"));
    }

    @Test
    void queryWordsAreFoldedDistinctAndBounded() {
        assertEquals(List.of("reunion", "cpe"), Folding.words("Réunion  CPE réunion", 10));
        assertEquals(List.of(), Folding.words(" ... ", 10));
        assertEquals(List.of("a", "b"), Folding.words("a b c", 2));
    }
}

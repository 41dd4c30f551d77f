package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class AccountIdentifierTest {
    @Test
    void accentsSpacesAndApostrophesAreFolded() {
        assertEquals("helene.lefevre", AccountIdentifier.base("Hélène", "Lefèvre"));
        assertEquals("jean-pierre.darc", AccountIdentifier.base(" Jean Pierre ", "d'Arc"));
        assertEquals("noel.ocallaghan", AccountIdentifier.base("Noël", "O’Callaghan"));
        assertEquals("anne-sophie.le-gall", AccountIdentifier.base("Anne--Sophie", "Le  Gall"));
        assertEquals("oceane.coeur", AccountIdentifier.base("Océane", "Cœur"));
        assertEquals("francois.garcon", AccountIdentifier.base("FRANÇOIS", "Garçon"));
    }

    @Test
    void aNameWithoutLettersGivesNoIdentifier() {
        assertEquals("", AccountIdentifier.base("Marie", "  '- "));
        assertEquals("", AccountIdentifier.base(null, "Dupont"));
    }

    @Test
    void homonymsGetTheFirstFreeNumberFromTwo() {
        assertEquals("jean.martin", AccountIdentifier.firstFree("jean.martin", Set.of()::contains));
        assertEquals("jean.martin2", AccountIdentifier.firstFree("jean.martin", Set.of("jean.martin")::contains));
        assertEquals("jean.martin3",
                AccountIdentifier.firstFree("jean.martin", Set.of("jean.martin", "jean.martin2")::contains));
        assertEquals("jean.martin2",
                AccountIdentifier.firstFree("jean.martin", Set.of("jean.martin", "jean.martin3")::contains));
    }

    @Test
    void aVeryLongNameStaysWithinTheIdentifierLength() {
        String base = AccountIdentifier.base("Marie-Christine-Élisabeth",
                "De La Rochefoucauld-Montmorency-Laval-Bourbon de Bretagne");
        assertEquals("marie-christine-elisabeth.de-la-rochefoucauld-montmorency", base);
        assertTrue((base + "99").length() <= 64);
    }

    @Test
    void aRenameThatGivesTheSameIdentifierKeepsItsHomonymNumber() {
        assertTrue(AccountIdentifier.isOf("helene.lefevre", AccountIdentifier.base("Hélène", "LEFÈVRE")));
        assertTrue(AccountIdentifier.isOf("marie.dupont2", AccountIdentifier.base("Marie", "Dupont")));
        assertFalse(AccountIdentifier.isOf("marie.dupont2", AccountIdentifier.base("Marie", "Durand")));
        assertFalse(AccountIdentifier.isOf("marie.dupont-martin", AccountIdentifier.base("Marie", "Dupont")));
    }
}

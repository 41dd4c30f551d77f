package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mail that carries a provisional password to a personal address (issue 11, item 1). */
class ProvisionalPasswordMailTest {
    @Test
    void theMailGivesTheIdentifierAddressAndPasswordInFrenchThenEnglish() {
        String text = ProvisionalPasswordMail.text("lea.martin", "lea.martin@ac-preau.fr", "abcD-efg2-hjk3-mnp4!",
                "https://messagerie.ac-preau.fr");

        assertTrue(text.contains("Identifiant : lea.martin\n"), text);
        assertTrue(text.contains("Mot de passe provisoire : abcD-efg2-hjk3-mnp4!\n"), text);
        assertTrue(text.contains("Username: lea.martin\n"), text);
        assertTrue(text.contains("Provisional password: abcD-efg2-hjk3-mnp4!\n"), text);
        assertTrue(text.indexOf("Bonjour") < text.indexOf("Hello"), "French first");
        assertTrue(text.contains("(https://messagerie.ac-preau.fr)"), text);
    }

    @Test
    void withoutAPortalAddressTheMailNamesNone() {
        String text = ProvisionalPasswordMail.text("lea.martin", "lea.martin@ac-preau.fr", "x", null);

        assertFalse(text.contains("null"), text);
        assertTrue(text.contains("messagerie académique :"), text);
    }
}

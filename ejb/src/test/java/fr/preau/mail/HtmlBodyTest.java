package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlBodyTest {
    @Test
    void activeContentIsRemovedAndFormattingKept() {
        String clean = HtmlBody.sanitize("<p onclick=\"x()\"><strong>Gras</strong> <em>it</em>"
                + "<script>alert(1)</script><img src=\"http://tracker/x.png\">"
                + "<a href=\"javascript:alert(1)\">a</a> <a href=\"https://eduscol.fr\">b</a></p>");
        assertFalse(clean.contains("script") || clean.contains("onclick") || clean.contains("<img")
                || clean.contains("javascript"), clean);
        assertTrue(clean.contains("<strong>Gras</strong>"), clean);
        assertTrue(clean.contains("href=\"https://eduscol.fr\""), clean);
    }

    @Test
    void thePlainAlternativeKeepsLinesListsQuotesAndLinks() {
        String html = "<p>Bonjour,</p><p><br></p><p>Ordre du <strong>jour</strong> :</p>"
                + "<ol><li>Bilan</li><li>Projets</li></ol><ul><li>Café</li></ul>"
                + "<blockquote><p>Cité</p><p>encore</p></blockquote>"
                + "<p>Voir <a href=\"https://eduscol.fr\">Éduscol</a><br>Marie</p>";
        assertEquals("Bonjour,\n\nOrdre du jour :\n1. Bilan\n2. Projets\n- Café\n> Cité\n> encore\n"
                + "Voir Éduscol <https://eduscol.fr>\nMarie", HtmlBody.toPlainText(html));
    }

    @Test
    void plainTextBecomesEscapedHtmlAndBack() {
        String text = "Ligne 1\nA < B & C\n\nFin";
        String html = HtmlBody.fromPlainText(text);
        assertEquals("<p>Ligne 1<br>A &lt; B &amp; C<br><br>Fin</p>", html);
        assertEquals(text, HtmlBody.toPlainText(html));
    }
}

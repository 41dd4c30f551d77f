package fr.preau.mail.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.preau.mail.HtmlBody;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Original;
import org.junit.jupiter.api.Test;

class QuotingTest {
    private static final MailAddress MARIE = new MailAddress("marie.dupont@ac-preau.fr", "Marie Dupont");
    private static final MailAddress JEAN = new MailAddress("jean.martin@ac-preau.fr", "Jean Martin");
    private static final MailAddress LUC = new MailAddress("luc.moreau@ac-preau.fr", null);
    private static final MailAddress ME = new MailAddress("sophie.bernard@ac-preau.fr", "Sophie Bernard");

    private static Original original(List<MailAddress> replyTo, List<MailAddress> to, List<MailAddress> cc) {
        return new Original("<abc@ac-preau.fr>", List.of("<root@x.fr>", "<mid@x.fr>"), MARIE, replyTo, to, cc,
                "Conseil de classe", Instant.parse("2026-11-23T13:05:00Z"), "Bonjour,\n> déjà cité\nMarie\n\n",
                List.of(), null);
    }

    @Test
    void aReplySubjectGetsOneRePrefix() {
        assertEquals("Re: Conseil de classe", Quoting.replySubject("Conseil de classe"));
        assertEquals("RE : Conseil", Quoting.replySubject("RE : Conseil"));
        assertEquals("Re: ", Quoting.replySubject(null));
        assertEquals("Fwd: Conseil", Quoting.forwardSubject("Conseil"));
        assertEquals("TR: Conseil", Quoting.forwardSubject("TR: Conseil"));
    }

    @Test
    void referencesAreTheOriginalsFollowedByItsMessageId() {
        assertEquals(List.of("<root@x.fr>", "<mid@x.fr>", "<abc@ac-preau.fr>"),
                Quoting.references(List.of("<root@x.fr>", "<mid@x.fr>"), "<abc@ac-preau.fr>"));
        assertEquals(List.of("<abc@ac-preau.fr>"), Quoting.references(List.of("garbage", "<a b>"),
                "<abc@ac-preau.fr>"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("<m" + i + "@x.fr>");
        }
        List<String> kept = Quoting.references(many, "<last@x.fr>");
        assertEquals(Quoting.MAX_REFERENCES, kept.size());
        assertEquals("<m0@x.fr>", kept.get(0));
        assertEquals("<last@x.fr>", kept.get(kept.size() - 1));
    }

    @Test
    void aReplyGoesToReplyToWhenThereIsOneElseToTheSender() {
        assertEquals(List.of(MARIE), Quoting.replyTo(original(List.of(), List.of(ME), List.of())));
        assertEquals(List.of(LUC), Quoting.replyTo(original(List.of(LUC), List.of(ME), List.of())));
    }

    @Test
    void replyAllCopiesEveryoneElseOnceButNotMe() {
        Original o = original(List.of(), List.of(ME, JEAN, MARIE), List.of(LUC, JEAN,
                new MailAddress("SOPHIE.BERNARD@ac-preau.fr", null)));
        List<MailAddress> to = Quoting.replyAllTo(o, ME);
        assertEquals(List.of(MARIE), to);
        assertEquals(List.of(JEAN, LUC), Quoting.replyAllCc(o, ME, to));
    }

    @Test
    void replyingToAllOnMyOwnSentMessageWritesToItsRecipients() {
        Original mine = new Original("<x@y.fr>", List.of(), ME, List.of(), List.of(JEAN), List.of(LUC), "S", null,
                "", List.of(), null);
        assertEquals(List.of(JEAN), Quoting.replyAllTo(mine, ME));
        assertEquals(List.of(LUC), Quoting.replyAllCc(mine, ME, List.of(JEAN)));
    }

    @Test
    void plainQuotingPrefixesEveryLineAndDeepensQuotes() {
        assertEquals("> Bonjour,\n>> déjà cité\n> Marie\n", Quoting.quotePlain("Bonjour,\r\n> déjà cité\nMarie\n\n"));
    }

    @Test
    void theAttributionSaysWhenAndWhoInParisTime() {
        assertEquals("Le 23 novembre 2026 à 14:05, Marie Dupont <marie.dupont@ac-preau.fr> a écrit :",
                Quoting.attribution(original(List.of(), List.of(ME), List.of())));
    }

    @Test
    void theHtmlQuoteIsEscapedAndItsPlainAlternativeIsQuotedWithChevrons() {
        Original o = new Original("<a@b.fr>", List.of(), MARIE, List.of(), List.of(ME), List.of(), "S",
                Instant.parse("2026-11-23T13:05:00Z"), "<script>alert(1)</script>\nLigne 2", List.of(), null);
        String html = Quoting.quoteHtml(o);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("<blockquote type=\"cite\">"), html);
        String plain = HtmlBody.toPlainText(HtmlBody.sanitize(html));
        assertTrue(plain.contains("a écrit :\n> <script>alert(1)</script>\n> Ligne 2"), plain);
    }

    @Test
    void aForwardCarriesTheOriginalHeadersAndText() {
        String html = Quoting.forwardHtml(original(List.of(), List.of(ME), List.of(JEAN)));
        String plain = HtmlBody.toPlainText(html);
        assertTrue(plain.contains("-------- Message transféré --------"), plain);
        assertTrue(plain.contains("De : Marie Dupont <marie.dupont@ac-preau.fr>"), plain);
        assertTrue(plain.contains("Objet : Conseil de classe"), plain);
        assertTrue(plain.contains("Cc : Jean Martin <jean.martin@ac-preau.fr>"), plain);
        assertTrue(plain.contains("Bonjour,"), plain);
    }

    @Test
    void typedAddressesQuoteNamesWithSeparatorsSoTheyParseBack() {
        MailAddress comma = new MailAddress("jean.martin@ac-preau.fr", "Martin, Jean");
        String typed = Quoting.join(List.of(comma, LUC));
        assertEquals("\"Martin, Jean\" <jean.martin@ac-preau.fr>, luc.moreau@ac-preau.fr", typed);
        assertEquals(List.of(comma, LUC), MailAddress.parseList("to", typed, true));
    }
}

package fr.preau.mail.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class MessageTextTest {
    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void plainTextIsPreferredToHtml() throws Exception {
        MimeMessage m = parse("""
                Subject: t
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8

                Texte brut
                --b
                Content-Type: text/html; charset=UTF-8

                <p>HTML</p>
                --b--
                """);
        MessageText text = MessageText.of(m);
        assertEquals("Texte brut", text.text().strip());
        assertFalse(text.problem());
    }

    @Test
    void htmlOnlyMailIsReducedToItsTextWithoutScripts() {
        String text = MessageText.htmlToText("<html><head><style>p{}</style></head><body><p>Bonjour</p>"
                + "<script>alert('x')</script><p>Ligne<br>suivante</p></body></html>");
        assertTrue(text.contains("Bonjour"));
        assertTrue(text.contains("Ligne\nsuivante"), text);
        assertFalse(text.contains("alert"));
    }

    @Test
    void anUnknownCharsetIsShownAsWellAsPossibleNotThrown() throws Exception {
        MimeMessage m = parse("Subject: t\nMIME-Version: 1.0\nContent-Type: text/plain; charset=x-inconnu\n\n"
                + "Caf\u00e9\n");
        MessageText text = MessageText.of(m);
        assertTrue(text.text().startsWith("Caf"), text.text());
    }

    @Test
    void attachmentsAreListedByName() throws Exception {
        MimeMessage m = parse("""
                Subject: t
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=UTF-8

                Voir pièce jointe
                --b
                Content-Type: application/pdf; name="convocation.pdf"
                Content-Disposition: attachment; filename="convocation.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b--
                """);
        assertEquals(List.of("convocation.pdf"), MessageText.of(m).attachmentNames());
    }

    @Test
    void aMissingEndBoundaryStillShowsTheText() throws Exception {
        MimeMessage m = parse("Subject: t\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nDébut du texte\n");
        MessageText text = MessageText.of(m);
        assertTrue(text.text().contains("but du texte") || text.problem(), text.toString());
    }
}

package fr.preau.mail.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import fr.preau.mail.Attachment;
import fr.preau.mail.ParsedMessage;
import fr.preau.mail.ReadingProblem;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class MessageParserTest {
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
        ParsedMessage text = MessageParser.parse(m);
        assertEquals("Texte brut", text.text().strip());
        assertTrue(text.problems().isEmpty());
    }

    @Test
    void htmlOnlyMailIsReducedToItsTextWithoutScripts() {
        String text = MessageParser.htmlToText("<html><head><style>p{}</style></head><body><p>Bonjour</p>"
                + "<script>alert('x')</script><p>Ligne<br>suivante</p></body></html>");
        assertTrue(text.contains("Bonjour"));
        assertTrue(text.contains("Ligne\nsuivante"), text);
        assertFalse(text.contains("alert"));
    }

    @Test
    void anUnknownCharsetIsShownAsWellAsPossibleNotThrown() throws Exception {
        MimeMessage m = parse("Subject: t\nMIME-Version: 1.0\nContent-Type: text/plain; charset=x-inconnu\n\n"
                + "Caf\u00e9\n");
        ParsedMessage text = MessageParser.parse(m);
        assertTrue(text.text().startsWith("Caf"), text.text());
        assertEquals(List.of(new ReadingProblem(ReadingProblem.Kind.CHARSET, "x-inconnu")), text.problems());
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
        ParsedMessage parsed = MessageParser.parse(m);
        assertEquals(1, parsed.attachments().size());
        Attachment pdf = parsed.attachments().get(0);
        assertEquals("convocation.pdf", pdf.name());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("r.1", pdf.part());
        assertEquals(9, pdf.size(), "decoded size estimated from the base64 size");
    }

    @Test
    void aMissingEndBoundaryStillShowsTheText() throws Exception {
        MimeMessage m = parse("Subject: t\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nDébut du texte\n");
        ParsedMessage text = MessageParser.parse(m);
        assertTrue(text.text().contains("but du texte") || !text.problems().isEmpty(), text.toString());
    }

    @Test
    void inlineImagesReferencedByTheHtmlAreNotListedAsAttachments() throws Exception {
        MimeMessage m = parse("""
                Subject: t
                MIME-Version: 1.0
                Content-Type: multipart/related; boundary="b"

                --b
                Content-Type: text/html; charset=UTF-8

                <p>Logo : <img src="cid:logo@college"></p>
                --b
                Content-Type: image/png; name="logo.png"
                Content-ID: <logo@college>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --b
                Content-Type: image/png; name="autre.png"
                Content-ID: <autre@college>
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --b--
                """);
        ParsedMessage parsed = MessageParser.parse(m);
        assertEquals("r.1", parsed.contentIds().get("logo@college"));
        assertTrue(parsed.attachment("r.1").inline());
        assertFalse(parsed.attachment("r.2").inline(), "an image the HTML does not show stays listed");
    }

    @Test
    void truncatedBase64IsDecodedAsFarAsItGoes() throws Exception {
        MimeMessage m = parse("Subject: t\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: base64\n\nQm9uam91ciDDoCB0b3VzIQ=*=*\nQm9u");
        ParsedMessage parsed = MessageParser.parse(m);
        assertTrue(parsed.text().startsWith("Bonjour à tous"), parsed.text());
    }

    @Test
    void fileNamesCannotClimbFolders() throws Exception {
        MimeMessage m = parse("""
                Subject: t
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="../../etc/passwd"

                x
                --b--
                """);
        String name = MessageParser.parse(m).attachments().get(0).name();
        assertFalse(name.contains("/") || name.startsWith("."), name);
        assertTrue(name.endsWith("etc_passwd"), name);
    }

    @Test
    void rawUtf8AndWindows1252HeadersAreReadAsWritten() throws Exception {
        String raw = """
                From: Jérôme Lefèvre <jerome.lefevre@ecole.example>
                To: Hélène <helene@ac-preau.fr>
                Subject: Réunion parents-professeurs n°19999
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Ordre du jour
                --b
                Content-Type: application/pdf; name="Procès-verbal.pdf"
                Content-Disposition: attachment; filename="Procès-verbal.pdf"
                Content-Transfer-Encoding: base64

                JVBERg==
                --b--
                """;
        MimeMessage utf8 = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Réunion parents-professeurs n°19999", MailGateway.safeSubject(utf8));
        assertEquals("Jérôme Lefèvre", MailGateway.convert(utf8.getFrom()).get(0).personal());
        assertEquals("Procès-verbal.pdf", MessageParser.parse(utf8).attachments().get(0).name());

        MimeMessage cp1252 = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(java.nio.charset.Charset.forName("windows-1252"))));
        assertEquals("Réunion parents-professeurs n°19999", MailGateway.safeSubject(cp1252));
        assertEquals("Hélène", MailGateway.addresses(cp1252, jakarta.mail.Message.RecipientType.TO).get(0)
                .personal());
        assertEquals("Procès-verbal.pdf", MessageParser.parse(cp1252).attachments().get(0).name());
    }
}

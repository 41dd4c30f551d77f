package fr.preau.mail.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import fr.preau.mail.AttachmentSource;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.TempFiles;
import fr.preau.shared.InvalidInputException;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** The MIME a message becomes, and that no typed value can add a header of its own. */
class MessageBuilderTest {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String EVIL = "\r\nX-Injected: oui\r\nBcc: victime@exemple.fr";
    private static final MailAddress ME = new MailAddress("marie.dupont@ac-preau.fr", "Marie Dupont");
    private static final MailAddress JEAN = new MailAddress("jean.martin@ac-preau.fr", "Jean Martin");

    private static MimeMessage roundTrip(MailboxContext ctx, OutgoingMessage m) throws Exception {
        MimeMessage built = MessageBuilder.build(SESSION, ctx, m);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        built.writeTo(out);
        return new MimeMessage(SESSION, new ByteArrayInputStream(out.toByteArray()));
    }

    private static MailboxContext me() {
        return new MailboxContext(ME, ME, MailboxContext.Kind.USER, null, null);
    }

    private static OutgoingMessage plain(List<MailAddress> to, String subject) {
        return new OutgoingMessage(to, List.of(), subject, "Bonjour");
    }

    /** No header of its own, and no address of the victim among the real recipients. */
    private static void assertNotInjected(MimeMessage m) throws Exception {
        assertNull(m.getHeader("X-Injected"), "X-Injected header");
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC,
                Message.RecipientType.BCC)) {
            jakarta.mail.Address[] list = m.getRecipients(type);
            for (jakarta.mail.Address a : list == null ? new jakarta.mail.Address[0] : list) {
                assertFalse(((jakarta.mail.internet.InternetAddress) a).getAddress().contains("victime"),
                        type + ": " + a);
            }
        }
        for (Header h : Collections.list(m.getAllHeaders())) {
            assertFalse(h.getName().contains("Injected"), h.getName());
        }
    }

    @Test
    void aSubjectWithLineBreaksStaysOneSubject() throws Exception {
        MimeMessage m = roundTrip(me(), plain(List.of(JEAN), "Réunion" + EVIL));
        assertNotInjected(m);
        assertEquals("Réunion X-Injected: oui Bcc: victime@exemple.fr", m.getSubject());
    }

    @Test
    void aDisplayNameWithLineBreaksStaysOneName() throws Exception {
        for (String field : List.of("to", "cc", "bcc", "from")) {
            MailAddress evil = new MailAddress("jean.martin@ac-preau.fr", "Jean" + EVIL);
            List<MailAddress> one = List.of(evil);
            OutgoingMessage m = switch (field) {
                case "to" -> new OutgoingMessage(one, List.of(), List.of(), "S", "t", null, null, null, null, false);
                case "cc" -> new OutgoingMessage(List.of(JEAN), one, List.of(), "S", "t", null, null, null, null,
                        false);
                case "bcc" -> new OutgoingMessage(List.of(JEAN), List.of(), one, "S", "t", null, null, null, null,
                        false);
                default -> plain(List.of(JEAN), "S");
            };
            MailboxContext ctx = "from".equals(field)
                    ? new MailboxContext(evil, evil, MailboxContext.Kind.USER, null, null) : me();
            MimeMessage parsed = roundTrip(ctx, m);
            assertNotInjected(parsed);
        }
    }

    @Test
    void anAddressWithLineBreaksIsRefusedBeforeAnythingIsBuilt() {
        for (String field : List.of("to", "cc", "bcc")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> MailAddress.parseList(field, "jean.martin@ac-preau.fr" + EVIL, false));
            assertEquals(field, e.field());
        }
        assertThrows(IllegalArgumentException.class, () -> new MailAddress("a@b.fr\r\nX-Injected: oui", null));
    }

    @Test
    void threadHeadersAcceptOnlyMessageIds() throws Exception {
        OutgoingMessage m = new OutgoingMessage(List.of(JEAN), List.of(), List.of(), "S", "t", null, List.of(),
                "<a@b.fr>" + EVIL, List.of("<r1@b.fr>", "<r2@b.fr>" + EVIL, "<r3@b.fr>"), false);
        MimeMessage parsed = roundTrip(me(), m);
        assertNotInjected(parsed);
        assertNull(parsed.getHeader("In-Reply-To"));
        assertEquals("<r1@b.fr> <r3@b.fr>", parsed.getHeader("References", " "));
    }

    @Test
    void anAttachmentNameWithLineBreaksStaysOneName() throws Exception {
        OutgoingMessage m = new OutgoingMessage(List.of(JEAN), List.of(), List.of(), "S", "t", null,
                List.of(new OutgoingAttachment("../../etc/passwd" + EVIL + ".pdf", "application/pdf" + EVIL,
                        new byte[] {1, 2, 3})), null, List.of(), false);
        MimeMessage parsed = roundTrip(me(), m);
        assertNotInjected(parsed);
        Multipart mixed = (Multipart) parsed.getContent();
        jakarta.mail.BodyPart file = mixed.getBodyPart(1);
        assertNull(file.getHeader("X-Injected"));
        assertEquals("application/octet-stream", file.getContentType().split(";")[0]);
        assertTrue(file.getFileName().startsWith("passwd"), file.getFileName());
    }

    @Test
    void richTextTravelsWithItsGeneratedPlainAlternative() throws Exception {
        OutgoingMessage m = new OutgoingMessage(List.of(JEAN), List.of(), List.of(ME), "Ordre du jour", null,
                "<p>Bonjour <strong>Jean</strong>,</p><ul><li>Bilan</li></ul><script>x()</script>", List.of(),
                "<orig@ac-preau.fr>", List.of("<root@ac-preau.fr>", "<orig@ac-preau.fr>"), true);
        MimeMessage parsed = roundTrip(me(), m);
        assertTrue(parsed.isMimeType("multipart/alternative"), parsed.getContentType());
        Multipart alt = (Multipart) parsed.getContent();
        assertTrue(alt.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Bonjour Jean,\n- Bilan", String.valueOf(alt.getBodyPart(0).getContent()).strip());
        assertTrue(alt.getBodyPart(1).isMimeType("text/html"));
        assertFalse(String.valueOf(alt.getBodyPart(1).getContent()).contains("script"));
        assertEquals("<orig@ac-preau.fr>", parsed.getHeader("In-Reply-To", " "));
        assertEquals("Marie Dupont <marie.dupont@ac-preau.fr>",
                parsed.getHeader(MessageBuilder.DISPOSITION_NOTIFICATION_TO, " "));
        assertEquals("Marie Dupont <marie.dupont@ac-preau.fr>", parsed.getHeader("Bcc", " "));
        assertEquals(1, parsed.getRecipients(Message.RecipientType.TO).length);
    }

    @Test
    void aDraftReadsBackAsItWasWritten() throws Exception {
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
        OutgoingMessage m = new OutgoingMessage(List.of(JEAN), List.of(ME), List.of(ME), "Brouillon é", null,
                "<p>Texte <em>riche</em></p>", List.of(new OutgoingAttachment("compte rendu é.pdf",
                        "application/pdf", pdf)), "<orig@ac-preau.fr>", List.of("<orig@ac-preau.fr>"), true);
        OutgoingMessage back = MessageParts.draft(roundTrip(me(), m));
        assertEquals(m.to(), back.to());
        assertEquals(m.cc(), back.cc());
        assertEquals(m.bcc(), back.bcc());
        assertEquals(m.subject(), back.subject());
        assertEquals(m.html(), back.html());
        assertEquals(m.inReplyTo(), back.inReplyTo());
        assertEquals(m.references(), back.references());
        assertTrue(back.receiptRequested());
        assertEquals(1, back.attachments().size());
        assertEquals("compte rendu é.pdf", back.attachments().get(0).name());
        assertEquals(pdf.length, back.attachments().get(0).size());
        try (InputStream in = MessageBuilder.local(back.attachments().get(0))) {
            assertArrayEquals(pdf, in.readAllBytes(), "copied to a temporary file, not held in memory");
        }
        assertTrue(back.attachments().get(0).source() instanceof AttachmentSource.TempFile);
        TempFiles.delete(back.attachments().get(0));
    }
}

package fr.preau.mail.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import fr.preau.mail.Attachment;
import fr.preau.mail.ParsedMessage;
import fr.preau.mail.html.MailHtmlSanitizer;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 80 hostile real-world messages of Apache James mime4j's test corpus (unknown charsets, missing boundaries,
 * malformed headers, truncated base64) through the reader and the sanitiser: none throws, each shows some text or an
 * attachment, or says what could not be decoded, and every listed part can be downloaded.
 */
class MessageParserCorpusTest {
    private static final Session SESSION = session();

    private static Session session() {
        Properties props = new Properties();
        props.put("mail.mime.address.strict", "false");
        return Session.getInstance(props);
    }

    static Stream<Arguments> corpus() throws IOException {
        URL marker = MessageParserCorpusTest.class.getClassLoader().getResource("testmsgs/");
        assertNotNull(marker, "the tests jar of apache-mime4j-core is on the test classpath");
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        List<Arguments> messages = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().endsWith(".msg")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        messages.add(Arguments.of(e.getName(), in.readAllBytes()));
                    }
                }
            }
        }
        return messages.stream();
    }

    @Test
    void theCorpusHasItsEightyMessages() throws IOException {
        assertEquals(80, corpus().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBrokenMessageShowsWhatCanBeReadAndSaysWhatCannot(String name, byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        ParsedMessage parsed = MessageParser.parse(message);

        boolean something = !parsed.text().isBlank() || !parsed.attachments().isEmpty();
        assertTrue(something || !parsed.problems().isEmpty(), name + ": no text, no attachment and no problem said");
        if (parsed.html() != null) {
            String clean = MailHtmlSanitizer.sanitize(parsed.html(), false, cid -> null).html();
            assertFalse(clean.toLowerCase(Locale.ROOT).contains("<script"), name);
        }
        for (Attachment a : parsed.attachments()) {
            assertFalse(a.name().isBlank() || a.name().contains("/") || a.name().contains("\\"), a.name());
            Part part = MessageParser.find(message, a.part());
            assertNotNull(part, name + " part " + a.part());
            try (InputStream in = MessageParser.decoded(part)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // A part that breaks while streaming ends its download early: a checked failure the servlet handles.
                assertNotNull(e);
            }
        }
    }

    /** A crafted mail of {@code count} text parts of about {@code bytesPerPart} bytes, each starting "partNNNNNNN". */
    static byte[] manyParts(int count, int bytesPerPart) {
        StringBuilder raw = new StringBuilder("Subject: parts\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        String filler = "x".repeat(Math.max(0, bytesPerPart - 12));
        for (int i = 1; i <= count; i++) {
            raw.append("--p\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                    .append(String.format("part%07d ", i)).append(filler).append("\r\n");
        }
        return raw.append("--p--\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void aMailOfTwentyThousandPartsIsReadOnlyAsFarAsTheBoundOfParts() throws Exception {
        ParsedMessage parsed = MessageParser.parse(new MimeMessage(SESSION,
                new ByteArrayInputStream(manyParts(20_000, 16))));

        assertTrue(parsed.text().contains(String.format("part%07d", MessageParser.MAX_PARTS - 1)));
        assertFalse(parsed.text().contains(String.format("part%07d", MessageParser.MAX_PARTS + 1)),
                "parts past the bound are not read");
        assertTrue(parsed.problems().contains(new fr.preau.mail.ReadingProblem(
                fr.preau.mail.ReadingProblem.Kind.PARTS, String.valueOf(MessageParser.MAX_PARTS))));
    }

    @Test
    void manyLargeTextPartsAreCutAtTheTextCapWithoutReadingPastTheByteBudget() throws Exception {
        // 300 parts of 40 KB: 12 MB of text, more than the cap (2 M characters) and than the byte budget.
        ParsedMessage parsed = MessageParser.parse(new MimeMessage(SESSION,
                new ByteArrayInputStream(manyParts(300, 40_000))));

        assertEquals(MessageParser.MAX_TEXT, parsed.plain().length());
        assertTrue(parsed.text().startsWith("part0000001 "));
        assertTrue(parsed.problems().contains(new fr.preau.mail.ReadingProblem(
                fr.preau.mail.ReadingProblem.Kind.TRUNCATED, "")));
        assertFalse(parsed.problems().stream().anyMatch(p -> p.kind() == fr.preau.mail.ReadingProblem.Kind.PARTS));
    }
}

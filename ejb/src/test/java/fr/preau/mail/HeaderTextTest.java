package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HeaderTextTest {
    /** What Jakarta Mail makes of raw header bytes: one byte, one character. */
    private static String readByteByByte(String written, Charset charset) {
        return new String(written.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    @Test
    void rawUtf8IsReadAsUtf8() {
        String subject = "Réunion parents-professeurs n°19999";
        assertEquals("RÃ©union parents-professeurs nÂ°19999", readByteByByte(subject, StandardCharsets.UTF_8),
                "the mojibake of the issue");
        assertEquals(subject, HeaderText.of(readByteByByte(subject, StandardCharsets.UTF_8)));
        assertEquals("Jérôme Lefèvre – « Çà et là » €", HeaderText.of(
                readByteByByte("Jérôme Lefèvre – « Çà et là » €", StandardCharsets.UTF_8)));
    }

    @Test
    void rawBytesThatAreNotUtf8AreReadAsWindows1252() {
        Charset cp1252 = Charset.forName("windows-1252");
        assertEquals("Sortie au musée – 12 €", HeaderText.of(readByteByByte("Sortie au musée – 12 €", cp1252)));
        assertEquals("Élève", HeaderText.of(readByteByByte("Élève", StandardCharsets.ISO_8859_1)));
    }

    @Test
    void decodedOrPlainTextIsLeftAsItIs() {
        assertNull(HeaderText.of(null));
        assertEquals("Bulletin trimestriel", HeaderText.of("Bulletin trimestriel"));
        assertEquals("café", HeaderText.of("café"), "an encoded word decoded into Latin-1 characters");
        assertEquals("Привет, café", HeaderText.of("Привет, café"), "characters beyond one byte: already decoded");
    }
}

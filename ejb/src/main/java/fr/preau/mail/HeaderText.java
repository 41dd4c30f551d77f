package fr.preau.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Header text as its sender wrote it. Jakarta Mail reads header bytes (a message's header block, and the strings of
 * IMAP's ENVELOPE and BODYSTRUCTURE) one byte to one character, as ISO-8859-1. Headers in raw 8-bit are common:
 * RFC 6532 allows UTF-8 (SMTPUTF8 senders, school software), and older software writes Windows-1252. Read that way,
 * "Réunion" in UTF-8 becomes "RÃ©union". This undoes it: a value whose characters all fit in one byte, some of them
 * 8-bit, is taken back to its bytes and decoded as UTF-8 when it is valid UTF-8 (a Latin-1 text practically never
 * is), otherwise as Windows-1252 (a superset of ISO-8859-1 for printable text). Text already decoded from RFC 2047
 * encoded words into characters beyond one byte is left as it is.
 */
public final class HeaderText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HeaderText() {
    }

    /** The value as written, or {@code null} for {@code null}. */
    public static String of(String value) {
        if (value == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}

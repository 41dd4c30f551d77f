package fr.preau.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The RFC 6238 reference vectors (appendix B, SHA-1, secret "12345678901234567890", last 6 digits). */
class TotpTest {
    private static final String SECRET = new String("12345678901234567890".getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);

    @Test
    void computesTheRfcReferenceCodes() throws Exception {
        assertEquals("287082", Totp.code(SECRET, 59 / 30));
        assertEquals("081804", Totp.code(SECRET, 1111111109L / 30));
        assertEquals("050471", Totp.code(SECRET, 1111111111L / 30));
        assertEquals("005924", Totp.code(SECRET, 1234567890L / 30));
        assertEquals("279037", Totp.code(SECRET, 2000000000L / 30));
    }
}

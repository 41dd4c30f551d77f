package fr.preau.mail.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MboxWriterTest {
    @Test
    void fromLinesAreQuotedOnceMoreAndLineEndsBecomeUnixOnes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriters.MboxWriter writer = new ExportWriters.MboxWriter(out);
        byte[] message = ("Subject: Essai\r\n\r\nFrom the start\r\n>From quoted\r\nFromage\r\n"
                + ">>From twice\r\nfin").getBytes(StandardCharsets.US_ASCII);
        writer.write(7, java.time.Instant.parse("2026-11-03T10:05:09Z"), message, 0, message.length);
        writer.finish();
        assertEquals("From MAILER-DAEMON Tue Nov  3 10:05:09 2026\n"
                + "Subject: Essai\n\n>From the start\n>>From quoted\nFromage\n>>>From twice\nfin\n\n",
                out.toString(StandardCharsets.US_ASCII));
    }
}

package fr.preau.mail.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** How the answers of doveadm's HTTP API to {@code kick} are read (docs/adr/0095). */
class DoveadmSessionsTest {
    @Test
    void theUsersKickedAreCounted() throws IOException {
        assertEquals(1, DoveadmSessions.kicked("[[\"doveadmResponse\",[{\"result\":\"luc.moreau@ac-preau.fr\"}],"
                + "\"kick\"]]"));
    }

    @Test
    void noSessionOpenIsNoError() throws IOException {
        assertEquals(0, DoveadmSessions.kicked("[[\"error\",{\"type\":\"exitCode\", \"exitCode\":68},\"kick\"]]"));
    }

    @Test
    void anotherErrorIsReported() {
        assertThrows(IOException.class,
                () -> DoveadmSessions.kicked("[[\"error\",{\"type\":\"exitCode\", \"exitCode\":75},\"kick\"]]"));
    }
}

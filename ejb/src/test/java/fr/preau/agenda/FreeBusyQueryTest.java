package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import fr.preau.dav.DavRefusal;
import org.junit.jupiter.api.Test;

/** A client's free/busy request to its scheduling outbox, read, and the reply written for one attendee. */
class FreeBusyQueryTest {
    private static final String REQUEST = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Thunderbird//FR\r\n"
            + "METHOD:REQUEST\r\nBEGIN:VFREEBUSY\r\nUID:fb-1\r\nDTSTAMP:20261001T080000Z\r\n"
            + "DTSTART:20261103T000000Z\r\nDTEND:20261104T000000Z\r\nORGANIZER:mailto:moi@ac-preau.fr\r\n"
            + "ATTENDEE;CN=Collègue:MAILTO:Collegue@AC-PREAU.fr\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n";

    @Test
    void aRequestGivesItsWindowAndAttendeesAndTheReplyOnlyBusyPeriods() {
        FreeBusyQuery q = FreeBusyQuery.parse(REQUEST);
        assertEquals(Instant.parse("2026-11-03T00:00:00Z"), q.from());
        assertEquals(Instant.parse("2026-11-04T00:00:00Z"), q.to());
        assertEquals(List.of("collegue@ac-preau.fr"), q.attendees());
        Instant[] lesson = {Instant.parse("2026-11-03T16:00:00Z"), Instant.parse("2026-11-03T17:00:00Z")};
        String reply = q.reply("collegue@ac-preau.fr", List.<Instant[]>of(lesson),
                Instant.parse("2026-10-01T08:00:00Z"));
        assertTrue(reply.contains("METHOD:REPLY") && reply.contains("UID:fb-1")
                && reply.contains("FREEBUSY;FBTYPE=BUSY:20261103T160000Z/20261103T170000Z"), reply);
        assertEquals(1, EventObjectCount.of(reply, "FREEBUSY"));
    }

    @Test
    void aRequestWithoutWindowOrAttendeeIsRefused() {
        assertEquals(400, assertThrows(DavRefusal.class, () -> FreeBusyQuery.parse(REQUEST.replace(
                "ATTENDEE;CN=Collègue:MAILTO:Collegue@AC-PREAU.fr\r\n", ""))).status());
        assertEquals(400, assertThrows(DavRefusal.class, () -> FreeBusyQuery.parse(REQUEST.replace(
                "DTEND:20261104T000000Z", "DTEND:20261102T000000Z"))).status());
        assertEquals(400, assertThrows(DavRefusal.class, () -> FreeBusyQuery.parse("pas un agenda")).status());
    }

    /** Counts the content lines of one name. */
    private static final class EventObjectCount {
        static long of(String text, String name) {
            return RedactedObject.unfolded(text).stream().filter(l -> l.startsWith(name + ";")
                    || l.startsWith(name + ":")).count();
        }
    }
}

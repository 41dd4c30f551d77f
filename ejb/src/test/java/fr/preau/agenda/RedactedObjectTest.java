package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a colleague's client gets of an event: whole, or busy times only, and never the private parts. */
class RedactedObjectTest {
    private static final String LESSON = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Client//FR\r\n"
            + "X-WR-CALNAME:Agenda secret\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\n"
            + "DTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
            + "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
            + "DTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
            + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\n"
            + "UID:rdv-1\r\nDTSTAMP:20261001T080000Z\r\nDTSTART;TZID=Europe/Paris:20261019T080000\r\n"
            + "DTEND;TZID=Europe/Paris:20261019T090000\r\nRRULE:FREQ=WEEKLY\r\nEXDATE;TZID=Europe/Paris:2026"
            + "1102T080000\r\nSUMMARY:Rendez-vous médical\r\nLOCATION:Clinique du Parc\r\nDESCRIPTION:Bilan\\, "
            + "résultats\r\n de la prise de sang\r\nCLASS:PRIVATE\r\nATTENDEE;CN=Dr Martin:mailto:martin@exemple.fr\r\n"
            + "CATEGORIES:Santé\r\nX-CLIENT-NOTE:secret\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"
            + "DESCRIPTION:Rappel clinique\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
            + "UID:rdv-1\r\nDTSTAMP:20261001T080000Z\r\nRECURRENCE-ID;TZID=Europe/Paris:20261026T080000\r\n"
            + "DTSTART;TZID=Europe/Paris:20261026T100000\r\nDTEND;TZID=Europe/Paris:20261026T110000\r\n"
            + "SUMMARY:Rendez-vous déplacé\r\nLOCATION:Clinique du Parc\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @Test
    void aPrivateEventOfSomeoneElseIsItsTimesAndUidOnly() {
        String busy = RedactedObject.forViewer(CalendarLevel.DETAILS, LESSON);
        for (String secret : List.of("médical", "Clinique", "Bilan", "prise de sang", "martin", "Santé",
                "X-CLIENT", "Rappel", "VALARM", "CLASS", "déplacé", "Agenda secret")) {
            assertFalse(busy.contains(secret), secret + " in\n" + busy);
        }
        assertTrue(busy.contains("SUMMARY:" + RedactedObject.BUSY), busy);
        assertTrue(busy.contains("TZOFFSETTO:+0100"), "the time zone the times need");
        assertEquals(RedactedObject.busyOnly(LESSON), RedactedObject.forViewer(CalendarLevel.EDIT, LESSON));
        // The times are what they were: same occurrences, the moved one where it was moved, the deleted one gone.
        EventObject whole = EventObject.parse(LESSON);
        EventObject seen = EventObject.parse(busy);
        LocalDateTime from = LocalDateTime.of(2026, 10, 1, 0, 0);
        LocalDateTime to = LocalDateTime.of(2026, 11, 10, 0, 0);
        assertEquals(whole.expand(from, to).stream().map(Occurrence::start).toList(),
                seen.expand(from, to).stream().map(Occurrence::start).toList());
        assertEquals(List.of(LocalDateTime.of(2026, 10, 19, 8, 0), LocalDateTime.of(2026, 10, 26, 10, 0),
                LocalDateTime.of(2026, 11, 9, 8, 0)), seen.expand(from, to).stream().map(Occurrence::start).toList());
        assertEquals("rdv-1", seen.uid());
    }

    @Test
    void theOwnerAndThoseWhoSeeDetailsOfAnOrdinaryEventGetItAsStored() {
        assertSame(LESSON, RedactedObject.forViewer(CalendarLevel.OWNER, LESSON));
        String open = LESSON.replace("CLASS:PRIVATE\r\n", "");
        assertSame(open, RedactedObject.forViewer(CalendarLevel.DETAILS, open));
        assertFalse(RedactedObject.forViewer(CalendarLevel.BUSY, open).contains("médical"), "busy-only viewers");
        String privateOccurrence = open.replace("SUMMARY:Rendez-vous déplacé\r\n",
                "SUMMARY:Rendez-vous déplacé\r\nCLASS:CONFIDENTIAL\r\n");
        assertFalse(RedactedObject.forViewer(CalendarLevel.DETAILS, privateOccurrence).contains("médical"),
                "one private occurrence makes the whole object busy-only");
    }
}

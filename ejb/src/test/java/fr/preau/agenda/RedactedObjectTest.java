package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a colleague's client, an export or a subscription gets of an event: whole, or busy times only, never the
 * private parts; and the file of a calendar ({@link IcsExport}).
 */
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
        String partly = RedactedObject.forViewer(CalendarLevel.DETAILS, privateOccurrence);
        assertTrue(partly.contains("Rendez-vous médical"), "the series is not private: " + partly);
        assertFalse(partly.contains("déplacé") || partly.contains("CONFIDENTIAL"), "its private occurrence is");
    }

    private static final Instant STAMP = Instant.parse("2026-10-01T08:00:00Z");
    private static final LocalDateTime MON = LocalDateTime.of(2026, 10, 12, 8, 0);

    private static String lesson() {
        EventObject o = EventObject.create("lesson-1", new EventDraft("Mathématiques 4e B", false, MON,
                MON.plusHours(1), "Salle 12", "Chapitre 3", false, new Repeat(Frequency.WEEKLY, null, null)), STAMP);
        return o.withOccurrence(MON.plusWeeks(1), new EventDraft("Rattrapage secret", false, MON.plusWeeks(1)
                .plusHours(6), MON.plusWeeks(1).plusHours(7), "Salle 3", "Note", true, Repeat.NONE), STAMP).text();
    }

    private static String appointment() {
        return EventObject.create("rdv-1", new EventDraft("Rendez-vous médical", false, MON.plusDays(1),
                MON.plusDays(1).plusHours(1), "Cabinet du Dr Martin", "Résultats", true, Repeat.NONE), STAMP).text();
    }

    private static final List<String> SECRETS = List.of("Mathématiques", "Salle", "Chapitre", "Rattrapage", "Note",
            "Rendez-vous", "Cabinet", "Résultats", "CLASS", "PRIVATE");

    @Test
    void theOwnerReadsEverything() {
        assertEquals(lesson(), RedactedObject.forViewer(CalendarLevel.OWNER, lesson()));
        assertTrue(RedactedObject.forViewer(CalendarLevel.OWNER, appointment()).contains("Cabinet du Dr Martin"));
    }

    @Test
    void aFreeBusyViewerReadsTimesOnly() {
        for (String o : List.of(lesson(), appointment())) {
            String text = RedactedObject.forViewer(CalendarLevel.BUSY, o);
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), secret + " in " + text);
            }
            assertTrue(text.contains("SUMMARY:Occupé"), text);
            assertTrue(text.contains("DTSTART;TZID=Europe/Paris:"), text);
        }
        String lesson = RedactedObject.forViewer(CalendarLevel.BUSY, lesson());
        assertTrue(lesson.contains("RRULE:FREQ=WEEKLY")
                && lesson.contains("RECURRENCE-ID;TZID=Europe/Paris:20261019T080000"),
                "the series and its moved occurrence keep their times: " + lesson);
        EventObject back = EventObject.parse(lesson);
        assertEquals(List.of(MON, MON.plusWeeks(1).plusHours(6)), back.expand(MON, MON.plusDays(8)).stream()
                .map(Occurrence::start).toList());
    }

    @Test
    void aViewerOfDetailsReadsAllButWhatIsPrivate() {
        String lesson = RedactedObject.forViewer(CalendarLevel.DETAILS, lesson());
        assertTrue(lesson.contains("Mathématiques 4e B") && lesson.contains("Salle 12"), lesson);
        assertFalse(lesson.contains("Rattrapage") || lesson.contains("Salle 3"), "the private occurrence: " + lesson);
        String rdv = RedactedObject.forViewer(CalendarLevel.EDIT, appointment());
        assertFalse(rdv.contains("Rendez-vous") || rdv.contains("Cabinet") || rdv.contains("PRIVATE"), rdv);
        assertTrue(rdv.contains("SUMMARY:Occupé"));
    }

    @Test
    void theExportIsOneCalendarWithItsTimeZoneAndTheViewersEvents() {
        String file = IcsExport.calendar("Cours", List.of(lesson(), appointment()), CalendarLevel.DETAILS);
        assertTrue(file.startsWith("BEGIN:VCALENDAR\r\n"), file);
        assertEquals(1, count(file, "BEGIN:VCALENDAR"));
        assertEquals(1, count(file, "BEGIN:VTIMEZONE"));
        assertTrue(file.contains("TZID:Europe/Paris"));
        assertTrue(file.contains("X-WR-CALNAME:Cours"));
        assertEquals(3, count(file, "BEGIN:VEVENT"));
        assertTrue(file.contains("SUMMARY:Mathématiques 4e B"));
        assertFalse(file.contains("Cabinet"));
        List<IcsFile.Entry> back = IcsFile.read(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("lesson-1", "rdv-1"), back.stream().map(e -> e.event().uid()).toList(),
                "the portal reads its own export back");
    }

    private static int count(String text, String what) {
        return text.split(what, -1).length - 1;
    }
}

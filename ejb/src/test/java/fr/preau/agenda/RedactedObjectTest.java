package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link RedactedObject} and {@link IcsExport}: what the owner, a viewer of details and a free/busy viewer read of
 * a weekly lesson with a moved occurrence and of a private appointment, and the file of a calendar.
 */
class RedactedObjectTest {
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
        assertEquals(lesson(), RedactedObject.text(lesson(), CalendarLevel.OWNER));
        assertTrue(RedactedObject.text(appointment(), CalendarLevel.OWNER).contains("Cabinet du Dr Martin"));
    }

    @Test
    void aFreeBusyViewerReadsTimesOnly() {
        for (String o : List.of(lesson(), appointment())) {
            String text = RedactedObject.text(o, CalendarLevel.BUSY);
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), secret + " in " + text);
            }
            assertTrue(text.contains("SUMMARY:Occupé"), text);
            assertTrue(text.contains("DTSTART;TZID=Europe/Paris:"), text);
        }
        String lesson = RedactedObject.text(lesson(), CalendarLevel.BUSY);
        assertTrue(lesson.contains("RRULE:FREQ=WEEKLY")
                && lesson.contains("RECURRENCE-ID;TZID=Europe/Paris:20261019T080000"),
                "the series and its moved occurrence keep their times: " + lesson);
        EventObject back = EventObject.parse(lesson);
        assertEquals(List.of(MON, MON.plusWeeks(1).plusHours(6)), back.expand(MON, MON.plusDays(8)).stream()
                .map(Occurrence::start).toList());
    }

    @Test
    void aViewerOfDetailsReadsAllButWhatIsPrivate() {
        String lesson = RedactedObject.text(lesson(), CalendarLevel.DETAILS);
        assertTrue(lesson.contains("Mathématiques 4e B") && lesson.contains("Salle 12"), lesson);
        assertFalse(lesson.contains("Rattrapage") || lesson.contains("Salle 3"), "the private occurrence: " + lesson);
        String rdv = RedactedObject.text(appointment(), CalendarLevel.EDIT);
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

package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import fr.preau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * {@link IcsFile} on a small corpus of real-world exports ({@code agenda/ics/}: Google, Outlook, Apple, Thunderbird)
 * and a file broken in every way a file breaks: each broken event costs only itself, with its line and reason.
 */
class IcsFileTest {
    private static List<IcsFile.Entry> read(String name) throws IOException {
        try (InputStream in = IcsFileTest.class.getResourceAsStream("/agenda/ics/" + name)) {
            return IcsFile.read(in.readAllBytes());
        }
    }

    private static List<Occurrence> all(EventObject o) {
        return o.expand(LocalDateTime.of(2026, 1, 1, 0, 0), LocalDateTime.of(2027, 12, 31, 0, 0));
    }

    @Test
    void googleKeepsTheSeriesItsDeletedAndMovedOccurrencesAndFoldedText() throws IOException {
        List<IcsFile.Entry> es = read("google.ics");
        assertEquals(2, es.size());
        EventObject lesson = es.get(0).event();
        assertEquals("7kukuqrfedlm2f9t3vn2o3m5i0@google.com", lesson.uid());
        List<Occurrence> occ = lesson.expand(LocalDateTime.of(2026, 10, 19, 0, 0),
                LocalDateTime.of(2026, 11, 10, 0, 0));
        assertEquals(List.of(LocalDateTime.of(2026, 10, 19, 8, 0), LocalDateTime.of(2026, 11, 2, 10, 0),
                LocalDateTime.of(2026, 11, 9, 8, 0)), occ.stream().map(Occurrence::start).toList(),
                "26 October deleted, 2 November moved, 8:00 after the change");
        assertEquals("Chapitre 3 : fractions, puis exercices; apporter le manuel.\nPage 42.", occ.get(0).description());
        assertTrue(!lesson.text().contains("VALARM"), "alarms are the portal's own");
        EventObject trip = es.get(1).event();
        assertEquals(List.of(LocalDateTime.of(2026, 10, 19, 0, 0)), all(trip).stream().map(Occurrence::start).toList());
        assertTrue(all(trip).get(0).allDay());
        assertEquals(LocalDateTime.of(2026, 10, 21, 0, 0), all(trip).get(0).end(), "two days");
    }

    @Test
    void outlooksWindowsZoneNamesAreParisAndBerlin() throws IOException {
        List<IcsFile.Entry> es = read("outlook.ics");
        assertEquals(2, es.size());
        Occurrence council = all(es.get(0).event()).get(0);
        assertEquals(LocalDateTime.of(2026, 11, 17, 17, 0), council.start());
        assertEquals(LocalDateTime.of(2026, 11, 17, 18, 30), council.end());
        assertEquals("Conseil de classe 4e B", council.title());
        assertEquals(LocalDateTime.of(2026, 11, 18, 12, 0), all(es.get(1).event()).get(0).start());
        assertTrue(es.get(1).event().isPrivate());
        assertEquals("Europe/Paris", IcsFile.zone("\"Romance Standard Time\""));
        assertEquals("Europe/Paris", IcsFile.zone("/mozilla.org/20070129_1/Europe/Paris"));
        assertEquals("Europe/Paris", IcsFile.zone("Fuseau Inconnu"));
        assertEquals("America/New_York", IcsFile.zone("America/New_York"));
    }

    @Test
    void appleUtcAndFloatingTimesAndThunderbirdsPrefixedZone() throws IOException {
        List<IcsFile.Entry> apple = read("apple.ics");
        assertEquals(LocalDateTime.of(2026, 11, 20, 15, 0), all(apple.get(0).event()).get(0).start(), "14:00Z");
        assertEquals(LocalDateTime.of(2026, 11, 21, 9, 30), all(apple.get(1).event()).get(0).start(),
                "a floating time is read as Paris time");
        List<Occurrence> meetings = all(read("thunderbird.ics").get(0).event());
        assertEquals(6, meetings.size());
        assertEquals(LocalDateTime.of(2026, 11, 3, 17, 0), meetings.get(0).start());
        assertEquals(LocalDateTime.of(2027, 4, 6, 17, 0), meetings.get(5).start(), "17:00 after the March change");
    }

    @Test
    void aBrokenFileIsReadAsFarAsItIsValidWithTheLineAndReasonOfEachFault() throws IOException {
        List<IcsFile.Entry> es = read("broken.ics");
        assertEquals(5, es.size());
        assertFault(es.get(0), 4, "Sans début", "agenda.import.noStart");
        assertFault(es.get(1), 10, "Règle cassée", "agenda.import.badRule");
        IcsFile.Entry unknown = es.get(2);
        assertNull(unknown.fault());
        assertEquals(LocalDateTime.of(2026, 11, 12, 14, 0), all(unknown.event()).get(0).start(),
                "an unknown zone is taken as Paris time");
        assertTrue(!unknown.event().text().contains("FOOBAR"), "an unknown property is left out");
        assertFault(es.get(3), 26, "Date illisible", "agenda.import.unreadable");
        assertFault(es.get(4), 32, "Tronqué", "agenda.import.truncated");
    }

    @Test
    void anEventWithoutUidGetsTheSameUidAtEveryImport() {
        String file = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Sans UID\nDTSTART:20261110T100000\n"
                + "DTEND:20261110T110000\nEND:VEVENT\nEND:VCALENDAR\n";
        String uid = IcsFile.read(file.getBytes(StandardCharsets.UTF_8)).get(0).event().uid();
        assertTrue(uid.startsWith("import-"), uid);
        assertEquals(uid, IcsFile.read(file.getBytes(StandardCharsets.UTF_8)).get(0).event().uid());
    }

    @Test
    void aChangedOccurrenceWithoutItsSeriesRulesOfSeveralADayAndAReversedEventAreRefused() {
        String file = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Seule\r\n"
                + "RECURRENCE-ID:20261110T100000Z\r\nDTSTART:20261110T100000Z\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Chaque heure\r\nDTSTART:20261110T100000Z\r\n"
                + "RRULE:FREQ=HOURLY\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:À l'envers\r\nDTSTART:20261110T100000Z\r\n"
                + "DTEND:20261110T090000Z\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Chaque minute\r\nDTSTART:20261110T100000Z\r\n"
                + "RRULE:FREQ=DAILY;UNTIL=21991231T000000Z;BYHOUR=8,9,10;BYMINUTE=0,1,2,3\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        List<IcsFile.Entry> es = IcsFile.read(file.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("agenda.import.orphan", "agenda.import.ruleTooOften", "agenda.import.endBeforeStart",
                "agenda.import.ruleTooOften"),
                es.stream().map(IcsFile.Entry::fault).toList());
    }

    @Test
    void notAnIcsFileOrATooLargeOneIsRefusedAsAWhole() {
        assertEquals("agenda.import.notIcs", assertThrows(InvalidInputException.class,
                () -> IcsFile.read("BEGIN:VCARD\nEND:VCARD\n".getBytes(StandardCharsets.UTF_8))).messageKey());
        assertEquals("agenda.import.tooLarge", assertThrows(InvalidInputException.class,
                () -> IcsFile.read(new byte[IcsFile.MAX_BYTES + 1])).messageKey());
    }

    @Test
    void aLineFoldedHalfAMillionTimesIsJoinedInLinearTime() {
        StringBuilder file = new StringBuilder("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:long\r\nSUMMARY:Long\r\n"
                + "DTSTART:20261110T100000Z\r\nDESCRIPTION:");
        for (int i = 0; i < 500_000; i++) {
            file.append("\r\n x");
        }
        file.append("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        List<IcsFile.Entry> es = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> IcsFile.read(bytes));
        assertEquals(500_000, all(es.get(0).event()).get(0).description().length());
    }

    private static void assertFault(IcsFile.Entry e, int line, String title, String fault) {
        assertEquals(fault, e.fault(), title);
        assertEquals(line, e.line(), title);
        assertEquals(title, e.title());
        assertNull(e.event());
    }
}

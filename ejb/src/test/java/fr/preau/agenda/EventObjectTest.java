package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Recurrence in Europe/Paris (pure logic): a weekly 8:00 lesson stays at 8:00 across the autumn and spring
 * daylight-saving changes, with a deleted and a moved occurrence, through a round trip of its iCalendar text; every
 * other week, monthly, counts and last days; the three scopes of a change.
 */
class EventObjectTest {
    private static final Instant STAMP = Instant.parse("2026-09-01T10:00:00Z");

    private static EventDraft lesson(Repeat r) {
        return new EventDraft("Mathématiques 4e B", false, LocalDateTime.of(2026, 10, 12, 8, 0),
                LocalDateTime.of(2026, 10, 12, 9, 0), "Salle 12", "Chapitre 3", false, r);
    }

    private static List<LocalDateTime> starts(List<Occurrence> os) {
        return os.stream().map(Occurrence::start).toList();
    }

    @Test
    void aWeeklyLessonStaysAtEightAcrossBothDaylightSavingChanges() {
        EventObject e = EventObject.parse(EventObject.create("u1", lesson(new Repeat(Frequency.WEEKLY, null, null)),
                STAMP).text());
        List<Occurrence> autumn = e.expand(LocalDateTime.of(2026, 10, 19, 0, 0), LocalDateTime.of(2026, 11, 3, 0, 0));
        assertEquals(List.of(LocalDateTime.of(2026, 10, 19, 8, 0), LocalDateTime.of(2026, 10, 26, 8, 0),
                LocalDateTime.of(2026, 11, 2, 8, 0)), starts(autumn), "25 October 2026 is the change to winter time");
        assertEquals(List.of(LocalDateTime.of(2026, 10, 19, 9, 0), LocalDateTime.of(2026, 10, 26, 9, 0),
                LocalDateTime.of(2026, 11, 2, 9, 0)), autumn.stream().map(Occurrence::end).toList());
        assertEquals("2026-10-19T06:00:00Z", autumn.get(0).start().atZone(EventObject.PARIS).toInstant().toString());
        assertEquals("2026-10-26T07:00:00Z", autumn.get(1).start().atZone(EventObject.PARIS).toInstant().toString());
        List<Occurrence> spring = e.expand(LocalDateTime.of(2027, 3, 22, 0, 0), LocalDateTime.of(2027, 4, 6, 0, 0));
        assertEquals(List.of(LocalDateTime.of(2027, 3, 22, 8, 0), LocalDateTime.of(2027, 3, 29, 8, 0),
                LocalDateTime.of(2027, 4, 5, 8, 0)), starts(spring), "28 March 2027 is the change to summer time");
        assertTrue(e.lastEnd().isEmpty(), "repeats without end");
        assertEquals("Salle 12", spring.get(1).location());
        assertEquals(null, spring.get(1).recurrenceId() == null ? "no id" : null);
    }

    @Test
    void aDeletedAndAMovedOccurrenceAroundTheChangeSurviveTheStoredText() {
        EventObject e = EventObject.create("u2", lesson(new Repeat(Frequency.WEEKLY, null, 10)), STAMP);
        LocalDateTime oct26 = LocalDateTime.of(2026, 10, 26, 8, 0);
        LocalDateTime nov2 = LocalDateTime.of(2026, 11, 2, 8, 0);
        e = EventObject.parse(e.withoutOccurrence(oct26, STAMP).text());
        EventDraft moved = lesson(Repeat.NONE).at(LocalDateTime.of(2026, 11, 3, 14, 0),
                LocalDateTime.of(2026, 11, 3, 15, 30));
        e = EventObject.parse(e.withOccurrence(nov2, new EventDraft("Maths (rattrapage)", false, moved.start(),
                moved.end(), "Salle 3", null, false, Repeat.NONE), STAMP).text());
        String text = e.text();
        assertTrue(text.contains("EXDATE;TZID=Europe/Paris:20261026T080000"), text);
        assertTrue(text.contains("RECURRENCE-ID;TZID=Europe/Paris:20261102T080000"), text);

        List<Occurrence> os = e.expand(LocalDateTime.of(2026, 10, 19, 0, 0), LocalDateTime.of(2026, 11, 10, 0, 0));
        assertEquals(List.of(LocalDateTime.of(2026, 10, 19, 8, 0), LocalDateTime.of(2026, 11, 3, 14, 0),
                LocalDateTime.of(2026, 11, 9, 8, 0)), starts(os));
        Occurrence m = os.get(1);
        assertEquals(nov2, m.recurrenceId());
        assertEquals("Maths (rattrapage)", m.title());
        assertEquals(LocalDateTime.of(2026, 11, 3, 15, 30), m.end());
        assertFalse(e.hasOccurrence(oct26), "deleted");
        assertTrue(e.hasOccurrence(LocalDateTime.of(2026, 11, 9, 8, 0)));
        assertFalse(e.hasOccurrence(LocalDateTime.of(2026, 11, 9, 9, 0)), "not a start of the series");
        assertEquals("2026-12-14T08:00:00Z", e.lastEnd().orElseThrow().toString(),
                "the tenth lesson, 14 December 9:00 Paris");

        EventObject changedAgain = e.withOccurrence(nov2, lesson(Repeat.NONE).at(LocalDateTime.of(2026, 11, 4, 10, 0),
                LocalDateTime.of(2026, 11, 4, 11, 0)), STAMP);
        assertEquals(List.of(LocalDateTime.of(2026, 11, 4, 10, 0)), starts(changedAgain.expand(
                LocalDateTime.of(2026, 11, 3, 0, 0), LocalDateTime.of(2026, 11, 5, 0, 0))), "replaces the change");
        EventObject deleted = e.withoutOccurrence(nov2, STAMP);
        assertEquals(List.of(), starts(deleted.expand(LocalDateTime.of(2026, 11, 3, 0, 0),
                LocalDateTime.of(2026, 11, 5, 0, 0))), "deleting a moved occurrence removes it");
    }

    @Test
    void everyOtherWeekUntilADayAndMonthlyByCount() {
        EventObject e = EventObject.create("u3", lesson(new Repeat(Frequency.BIWEEKLY, LocalDate.of(2026, 11, 23),
                null)), STAMP);
        assertEquals(List.of(LocalDateTime.of(2026, 10, 12, 8, 0), LocalDateTime.of(2026, 10, 26, 8, 0),
                LocalDateTime.of(2026, 11, 9, 8, 0), LocalDateTime.of(2026, 11, 23, 8, 0)),
                starts(e.expand(LocalDateTime.of(2026, 10, 1, 0, 0), LocalDateTime.of(2027, 1, 1, 0, 0))));
        assertEquals(new Repeat(Frequency.BIWEEKLY, LocalDate.of(2026, 11, 23), null),
                EventObject.parse(e.text()).repeat());
        EventObject council = EventObject.create("u4", new EventDraft("Conseil pédagogique", false,
                LocalDateTime.of(2026, 9, 15, 17, 30), LocalDateTime.of(2026, 9, 15, 19, 0), null, null, true,
                new Repeat(Frequency.MONTHLY, null, 3)), STAMP);
        List<Occurrence> os = council.expand(LocalDateTime.of(2026, 9, 1, 0, 0), LocalDateTime.of(2027, 9, 1, 0, 0));
        assertEquals(List.of(LocalDateTime.of(2026, 9, 15, 17, 30), LocalDateTime.of(2026, 10, 15, 17, 30),
                LocalDateTime.of(2026, 11, 15, 17, 30)), starts(os));
        assertTrue(os.get(0).privateEvent() && council.isPrivate());
        EventObject day = EventObject.parse(EventObject.create("u5", new EventDraft("Sortie", true,
                LocalDateTime.of(2026, 10, 24, 0, 0), LocalDateTime.of(2026, 10, 25, 0, 0), null, null, false,
                new Repeat(Frequency.WEEKLY, null, 2)), STAMP).text());
        List<Occurrence> days = day.expand(LocalDateTime.of(2026, 10, 25, 0, 0), LocalDateTime.of(2026, 11, 8, 0, 0));
        assertEquals(List.of(LocalDateTime.of(2026, 10, 24, 0, 0), LocalDateTime.of(2026, 10, 31, 0, 0)),
                starts(days), "two-day outings; the first one still meets the window on its second day");
        assertTrue(days.get(0).allDay());
        assertEquals(LocalDateTime.of(2026, 10, 26, 0, 0), days.get(0).end());
        assertEquals(LocalDateTime.of(2026, 10, 25, 0, 0), day.draft().end(), "the last day, included");
    }

    @Test
    void cuttingASeriesBeforeAnOccurrenceEndsItTheDayBefore() {
        EventObject e = EventObject.create("u6", lesson(new Repeat(Frequency.WEEKLY, null, null)), STAMP);
        LocalDateTime nov9 = LocalDateTime.of(2026, 11, 9, 8, 0);
        e = e.withOccurrence(LocalDateTime.of(2026, 11, 16, 8, 0), lesson(Repeat.NONE).at(
                LocalDateTime.of(2026, 11, 16, 8, 30), LocalDateTime.of(2026, 11, 16, 9, 30)), STAMP);
        EventObject cut = EventObject.parse(e.endingBefore(nov9, STAMP).text());
        assertEquals(List.of(LocalDateTime.of(2026, 10, 26, 8, 0), LocalDateTime.of(2026, 11, 2, 8, 0)),
                starts(cut.expand(LocalDateTime.of(2026, 10, 20, 0, 0), LocalDateTime.of(2027, 1, 1, 0, 0))));
        assertEquals("2026-11-02T08:00:00Z", cut.lastEnd().orElseThrow().toString());
        assertEquals(LocalDate.of(2026, 11, 9), cut.repeat().until(), "until the second before 9 November, 8:00");

        EventDraft later = lesson(Repeat.NONE).at(LocalDateTime.of(2026, 10, 12, 10, 0),
                LocalDateTime.of(2026, 10, 12, 11, 0)).repeating(new Repeat(Frequency.WEEKLY, null, null));
        EventObject all = e.withMaster(later, STAMP);
        assertEquals(List.of(LocalDateTime.of(2026, 11, 16, 10, 0)), starts(all.expand(
                LocalDateTime.of(2026, 11, 16, 0, 0), LocalDateTime.of(2026, 11, 17, 0, 0))),
                "a new time for all drops the changed occurrence");
        EventObject renamed = e.withMaster(new EventDraft("Maths", false, LocalDateTime.of(2026, 10, 12, 8, 0),
                LocalDateTime.of(2026, 10, 12, 9, 0), null, null, false, new Repeat(Frequency.WEEKLY, null, null)),
                STAMP);
        assertEquals(1, renamed.expand(LocalDateTime.of(2026, 11, 16, 0, 0), LocalDateTime.of(2026, 11, 17, 0, 0))
                .stream().filter(o -> o.recurrenceId() != null && "Mathématiques 4e B".equals(o.title())).count(),
                "a new title for all keeps the changed occurrence");
    }

    @Test
    void editsKeepAttendeesAlarmsAndPropertiesThePortalDoesNotModel() {
        String client = EventObject.create("u7", lesson(new Repeat(Frequency.WEEKLY, null, null)), STAMP).text()
                .replace("END:VEVENT", "ORGANIZER;CN=Claire Martin:mailto:claire@preau.invalid\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:paul@preau.invalid\r\nX-MOZ-GENERATION:4\r\n"
                + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Rappel\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"
                + "END:VEVENT");
        EventObject e = EventObject.parse(client);
        EventDraft renamed = new EventDraft("Maths", false, LocalDateTime.of(2026, 10, 12, 8, 0),
                LocalDateTime.of(2026, 10, 12, 9, 0), null, null, false, new Repeat(Frequency.WEEKLY, null, null));
        LocalDateTime nov2 = LocalDateTime.of(2026, 11, 2, 8, 0);
        for (EventObject edited : List.of(e.withMaster(renamed, STAMP), e.withMaster(renamed.at(
                LocalDateTime.of(2026, 10, 12, 10, 0), LocalDateTime.of(2026, 10, 12, 11, 0)), STAMP),
                e.endingBefore(nov2, STAMP))) {
            String text = EventObject.parse(edited.text()).text();
            assertTrue(text.contains("ATTENDEE;PARTSTAT=ACCEPTED:mailto:paul@preau.invalid"), text);
            assertTrue(text.contains("ORGANIZER;CN=Claire Martin:mailto:claire@preau.invalid"), text);
            assertTrue(text.contains("X-MOZ-GENERATION:4"), text);
            assertTrue(text.contains("TRIGGER:-PT15M"), text);
            assertEquals(1, text.split("BEGIN:VEVENT").length - 1, text);
        }
        String master = EventObject.parse(e.withMaster(renamed, STAMP).text()).text();
        assertTrue(master.contains("SUMMARY:Maths") && !master.contains("Salle 12"), "the dialog's own fields changed");
        String one = e.withOccurrence(nov2, lesson(Repeat.NONE).at(LocalDateTime.of(2026, 11, 3, 14, 0),
                LocalDateTime.of(2026, 11, 3, 15, 0)), STAMP).text();
        assertEquals(2, one.split("ATTENDEE;PARTSTAT=ACCEPTED").length - 1, "the changed occurrence too: " + one);
        assertEquals(2, one.split("TRIGGER:-PT15M").length - 1, one);
        assertEquals(1, one.split("RRULE").length - 1, "no RRULE in the changed occurrence");
    }
}

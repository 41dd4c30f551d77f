package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** When reminders fall (docs/adr/0111): wall-clock times in Europe/Paris, exceptions, all-day events. */
class ReminderPlanTest {
    private static final Instant STAMP = Instant.parse("2026-09-01T10:00:00Z");

    private static EventObject weeklyLesson() {
        return EventObject.parse(EventObject.create("r1", new EventDraft("Mathématiques 4e B", false,
                LocalDateTime.of(2026, 10, 12, 8, 0), LocalDateTime.of(2026, 10, 12, 9, 0), "Salle 12", null, false,
                new Repeat(Frequency.WEEKLY, null, 6)), STAMP).text());
    }

    @Test
    void aWeeklyLessonIsRemindedAtTenToEightBeforeAndAfterTheOctoberChange() {
        EventObject lesson = weeklyLesson();
        ReminderPlan.Due before = ReminderPlan.next(lesson, 10, Instant.parse("2026-10-19T05:00:00Z")).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 10, 19, 8, 0), before.occurrence());
        assertEquals(Instant.parse("2026-10-19T05:50:00Z"), before.at(), "7:50 in Paris, summer time");
        ReminderPlan.Due after = ReminderPlan.next(lesson, 10, before.at().plusMillis(1)).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 10, 26, 8, 0), after.occurrence());
        assertEquals(Instant.parse("2026-10-26T06:50:00Z"), after.at(), "7:50 in Paris, winter time (not 6:50)");
        ReminderPlan.Due day = ReminderPlan.next(lesson, 1440, Instant.parse("2026-10-24T07:00:00Z")).orElseThrow();
        assertEquals(Instant.parse("2026-10-25T07:00:00Z"), day.at(), "the day before at 8:00 (25 hours before)");
        assertEquals("Salle 12", day.details().location());
    }

    @Test
    void aDeletedOccurrenceHasNoReminderAndAMovedOneHasItsNewTime() {
        EventObject lesson = weeklyLesson();
        lesson = EventObject.parse(lesson.withoutOccurrence(LocalDateTime.of(2026, 10, 19, 8, 0), STAMP).text());
        lesson = EventObject.parse(lesson.withOccurrence(LocalDateTime.of(2026, 10, 26, 8, 0), new EventDraft(
                "Maths (rattrapage)", false, LocalDateTime.of(2026, 10, 28, 14, 0),
                LocalDateTime.of(2026, 10, 28, 15, 0), "Salle 3", null, false, Repeat.NONE), STAMP).text());
        ReminderPlan.Due next = ReminderPlan.next(lesson, 30, Instant.parse("2026-10-13T00:00:00Z")).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 10, 28, 14, 0), next.occurrence(), "19 Oct deleted, 26 Oct moved");
        assertEquals(Instant.parse("2026-10-28T12:30:00Z"), next.at());
        assertEquals("Maths (rattrapage)", next.details().title());
        ReminderPlan.Due then = ReminderPlan.next(lesson, 30, next.at().plusMillis(1)).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 11, 2, 8, 0), then.occurrence());
        ReminderPlan.Due last = ReminderPlan.next(lesson, 30, Instant.parse("2026-11-16T00:00:00Z")).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 11, 16, 8, 0), last.occurrence(), "the sixth and last lesson");
        assertTrue(ReminderPlan.next(lesson, 30, last.at().plusMillis(1)).isEmpty(), "the series has ended");
    }

    @Test
    void oneDayBeforeAnAllDayEventIsTheMidnightBeforeItsDay() {
        LocalDate day = LocalDate.of(2026, 10, 26);
        EventObject trip = EventObject.parse(EventObject.create("r2", new EventDraft("Sortie au musée", true,
                day.atStartOfDay(), day.plusDays(1).atStartOfDay(), null, null, false, Repeat.NONE), STAMP).text());
        ReminderPlan.Due due = ReminderPlan.next(trip, 1440, Instant.parse("2026-10-20T00:00:00Z")).orElseThrow();
        assertEquals(day.atStartOfDay(), due.occurrence());
        assertEquals(Instant.parse("2026-10-24T22:00:00Z"), due.at(), "0:00 on 25 October, still summer time");
        assertTrue(ReminderPlan.next(trip, 1440, due.at().plusSeconds(1)).isEmpty(), "once only");
    }
}

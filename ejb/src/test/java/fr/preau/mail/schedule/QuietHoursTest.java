package fr.preau.mail.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The right to disconnect computed in Europe/Paris: evenings, nights, weekends, holidays, time changes. */
class QuietHoursTest {
    private static final QuietHours ACADEMY = new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0),
            LocalTime.of(7, 30), true, true, QuietHours.PARIS);

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(QuietHours.PARIS).toInstant();
    }

    private static ZonedDateTime proposal(QuietHours hours, String localDateTime) {
        Optional<ZonedDateTime> p = hours.proposal(paris(localDateTime));
        assertTrue(p.isPresent(), localDateTime + " should be quiet");
        return p.get();
    }

    @Test
    void workingHoursProposeNothing() {
        assertTrue(ACADEMY.proposal(paris("2026-11-24T10:15")).isEmpty());
        assertTrue(ACADEMY.proposal(paris("2026-11-24T19:59")).isEmpty());
        assertTrue(ACADEMY.proposal(paris("2026-11-24T07:00")).isEmpty());
    }

    @Test
    void aWeekdayEveningProposesTomorrowAtHalfPastSeven() {
        ZonedDateTime p = proposal(ACADEMY, "2026-11-24T20:00");
        assertEquals(LocalDateTime.parse("2026-11-25T07:30"), p.toLocalDateTime());
        assertEquals(QuietHours.PARIS, p.getZone());
    }

    @Test
    void beforeDawnProposesThisMorning() {
        assertEquals(LocalDateTime.parse("2026-11-25T07:30"), proposal(ACADEMY, "2026-11-25T05:40").toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-11-25T07:30"), proposal(ACADEMY, "2026-11-25T00:00").toLocalDateTime());
    }

    @Test
    void fridayEveningAndTheWeekendProposeMonday() {
        assertEquals(LocalDateTime.parse("2026-11-30T07:30"), proposal(ACADEMY, "2026-11-27T21:30").toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-11-30T07:30"), proposal(ACADEMY, "2026-11-28T11:00").toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-11-30T07:30"), proposal(ACADEMY, "2026-11-29T23:59").toLocalDateTime());
    }

    @Test
    void publicHolidaysAreSkippedWhenTheAcademySaysSo() {
        // Friday 30 April 2027 evening: 1 May is a Saturday; Monday 3 May is a working day.
        assertEquals(LocalDateTime.parse("2027-05-03T07:30"), proposal(ACADEMY, "2027-04-30T22:00").toLocalDateTime());
        // Sunday 5 April 2026 is Easter: Monday 6 April (lundi de Pâques) is off too.
        assertEquals(LocalDateTime.parse("2026-04-07T07:30"), proposal(ACADEMY, "2026-04-03T20:30").toLocalDateTime());
        // 11 November 2026 is a Wednesday: the evening before proposes Thursday.
        assertEquals(LocalDateTime.parse("2026-11-12T07:30"), proposal(ACADEMY, "2026-11-10T20:30").toLocalDateTime());
        assertTrue(ACADEMY.isQuiet(paris("2026-11-11T10:00")));

        QuietHours noHolidays = new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0), LocalTime.of(7, 30), true,
                false, QuietHours.PARIS);
        assertFalse(noHolidays.isQuiet(paris("2026-11-11T10:00")));
        assertEquals(LocalDateTime.parse("2026-11-11T07:30"),
                proposal(noHolidays, "2026-11-10T20:30").toLocalDateTime());
    }

    @Test
    void easterAndItsMovableHolidays() {
        assertEquals(LocalDate.of(2026, 4, 5), FrenchHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), FrenchHolidays.easterSunday(2027));
        assertTrue(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 14)), "Ascension 2026");
        assertTrue(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 25)), "lundi de Pentecôte 2026");
        assertFalse(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 26)));
    }

    @Test
    void summerAndWinterTimeChangesKeepHalfPastSevenLocal() {
        // Saturday 28 March 2026 evening; clocks go forward on Sunday 29 March at 02:00.
        ZonedDateTime spring = proposal(ACADEMY, "2026-03-28T21:00");
        assertEquals(LocalDateTime.parse("2026-03-30T07:30"), spring.toLocalDateTime());
        assertEquals(Instant.parse("2026-03-30T05:30:00Z"), spring.toInstant());
        // Saturday 24 October 2026 evening; clocks go back on Sunday 25 October at 03:00.
        ZonedDateTime autumn = proposal(ACADEMY, "2026-10-24T21:00");
        assertEquals(LocalDateTime.parse("2026-10-26T07:30"), autumn.toLocalDateTime());
        assertEquals(Instant.parse("2026-10-26T06:30:00Z"), autumn.toInstant());
        // During the night of the change itself (01:30 UTC is 02:30 summer time, then 02:30 winter time).
        assertTrue(ACADEMY.isQuiet(Instant.parse("2026-10-25T01:30:00Z")));
        // A Thursday night in summer time: 19:30 UTC is 21:30 in Paris.
        assertTrue(ACADEMY.isQuiet(Instant.parse("2026-07-02T19:30:00Z")));
        assertFalse(ACADEMY.isQuiet(Instant.parse("2026-07-02T17:30:00Z")));
    }

    @Test
    void hoursWithinOneDayAndTheWholeDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), LocalTime.of(7, 30), false,
                false, QuietHours.PARIS);
        assertTrue(lunch.isQuiet(paris("2026-11-28T12:30")));
        assertFalse(lunch.isQuiet(paris("2026-11-28T14:00")));
        assertEquals(LocalDateTime.parse("2026-11-29T07:30"), proposal(lunch, "2026-11-28T12:30").toLocalDateTime());
        QuietHours always = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, LocalTime.of(7, 30), true, true,
                QuietHours.PARIS);
        assertTrue(always.isQuiet(paris("2026-11-24T10:15")));
        assertEquals(LocalDateTime.parse("2026-11-25T07:30"), proposal(always, "2026-11-24T10:15").toLocalDateTime());
    }
}

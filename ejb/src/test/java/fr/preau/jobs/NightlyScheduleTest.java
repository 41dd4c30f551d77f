package fr.preau.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import fr.preau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class NightlyScheduleTest {
    private static ZonedDateTime paris(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(NightlySchedule.ZONE);
    }

    @Test
    void aJobIsDueFromItsHourForSixHoursOfTheSameNight() {
        LocalTime at = LocalTime.of(2, 15);
        LocalDate night = LocalDate.of(2026, 12, 7);
        assertEquals(Optional.empty(), NightlySchedule.dueNight(at, paris("2026-12-07T02:14:59")));
        assertEquals(Optional.of(night), NightlySchedule.dueNight(at, paris("2026-12-07T02:15:00")));
        assertEquals(Optional.of(night), NightlySchedule.dueNight(at, paris("2026-12-07T08:14:59")),
                "a server down at 02:15 catches up");
        assertEquals(Optional.empty(), NightlySchedule.dueNight(at, paris("2026-12-07T08:15:00")),
                "never in the middle of the day");
    }

    @Test
    void anHourLateInTheEveningStaysDueAfterMidnightForItsOwnNight() {
        LocalTime at = LocalTime.of(23, 30);
        assertEquals(Optional.of(LocalDate.of(2026, 12, 6)),
                NightlySchedule.dueNight(at, paris("2026-12-07T01:00:00")));
        assertEquals(Optional.empty(), NightlySchedule.dueNight(at, paris("2026-12-07T05:30:00")));
    }

    @Test
    void theHourIsReadInParisWhateverTheZoneOfNow() {
        ZonedDateTime utc = ZonedDateTime.parse("2026-07-01T00:20:00Z");
        assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), NightlySchedule.dueNight(LocalTime.of(2, 15), utc),
                "00:20 UTC is 02:20 in Paris in summer");
    }

    @Test
    void anHourIsWrittenHhMmOrOff() {
        assertEquals(Optional.of(LocalTime.of(3, 5)), NightlySchedule.parse("audit-purge", " 03:05 "));
        assertEquals(Optional.empty(), NightlySchedule.parse("audit-purge", "OFF"));
        for (String bad : new String[] {"3:05", "24:00", "02:60", "deux heures", "", null}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> NightlySchedule.parse("audit-purge", bad), String.valueOf(bad));
            assertEquals("jobs.schedule.invalidHour", e.messageKey());
            assertEquals("batch.audit-purge.at", e.field());
        }
    }

    @Test
    void anUnknownJobIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NightlySchedule.parse("mystere", "02:00"));
        assertEquals("jobs.schedule.unknownJob", e.messageKey());
    }
}

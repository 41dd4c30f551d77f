package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The first common free slots of a day between 8:00 and 19:00 (pure logic, docs/adr/0108). */
class FreeSlotsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 10, 20);

    private static FreeSlots.Busy busy(int h1, int m1, int h2, int m2) {
        return new FreeSlots.Busy(DAY.atTime(h1, m1), DAY.atTime(h2, m2));
    }

    private static LocalDateTime at(int h, int m) {
        return DAY.atTime(h, m);
    }

    @Test
    void theSlotsGoAroundEveryonesBusyBlocksFromEightOClock() {
        List<FreeSlots.Busy> busy = List.of(busy(8, 0, 9, 0), busy(9, 30, 10, 10), busy(10, 0, 11, 0),
                busy(7, 0, 8, 30));
        assertEquals(List.of(at(11, 0), at(12, 0), at(13, 0)), FreeSlots.first(DAY, Duration.ofHours(1), busy, 3),
                "9:00–9:30 is too short for an hour; overlapping blocks of two people merge");
        assertEquals(List.of(at(9, 0), at(11, 0)), FreeSlots.first(DAY, Duration.ofMinutes(30), busy, 2));
    }

    @Test
    void aBlockEndingOffTheQuarterPushesToTheNextQuarterAndTheDayEndsAtSeven() {
        assertEquals(List.of(at(8, 15)), FreeSlots.first(DAY, Duration.ofMinutes(45),
                List.of(busy(7, 0, 8, 7)), 1));
        assertEquals(List.of(at(17, 0)), FreeSlots.first(DAY, Duration.ofHours(2), List.of(busy(8, 0, 17, 0)), 5),
                "17:00–19:00 is the last one that fits");
        assertEquals(List.of(), FreeSlots.first(DAY, Duration.ofHours(3), List.of(busy(8, 0, 17, 0)), 5));
        assertEquals(List.of(), FreeSlots.first(DAY, Duration.ZERO, List.of(), 5));
    }
}

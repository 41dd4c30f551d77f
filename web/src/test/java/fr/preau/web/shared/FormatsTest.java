package fr.preau.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FormatsTest {
    private final Formats formats = new Formats();

    @Test
    void todaysMailShowsTheTimeInParisOlderMailTheDate() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertEquals("08:05", Formats.shortDate(Instant.parse("2026-11-23T07:05:00Z"), today));
        assertEquals("19 nov.", Formats.shortDate(Instant.parse("2026-11-19T15:02:00Z"), today));
        assertEquals("03/06/2025", Formats.shortDate(Instant.parse("2025-06-03T10:00:00Z"), today));
        assertEquals("", Formats.shortDate(null, today));
    }

    @Test
    void summerTimeIsTakenIntoAccount() {
        LocalDate day = LocalDate.of(2026, 10, 5);
        assertEquals("09:30", Formats.shortDate(Instant.parse("2026-10-05T07:30:00Z"), day));
    }

    @Test
    void sizesUseFrenchUnits() {
        assertEquals("398 o", formats.size(398));
        assertEquals("3 Ko", formats.size(3 * 1024 + 100));
        assertEquals("2,5 Mo", formats.size(2_621_440));
    }
}

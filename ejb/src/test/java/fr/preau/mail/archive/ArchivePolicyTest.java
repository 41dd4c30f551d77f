package fr.preau.mail.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ArchivePolicyTest {
    @Test
    void theAccountsOwnPolicyWinsThenItsQuotaClassThenTheAcademy() {
        assertEquals(30, ArchivePolicy.effective(30, 90, 365));
        assertEquals(0, ArchivePolicy.effective(0, 90, 365), "an account may be kept out of archiving");
        assertEquals(90, ArchivePolicy.effective(null, 90, 365));
        assertEquals(365, ArchivePolicy.effective(null, null, 365));
    }

    @Test
    void zeroDaysMeansNoArchiving() {
        assertFalse(new ArchivePolicy("a@ac-preau.fr", 0).enabled());
        assertTrue(new ArchivePolicy("a@ac-preau.fr", 1).enabled());
    }

    @Test
    void messagesDatedBeforeTheCutoffDayAreArchived() {
        assertEquals(LocalDate.of(2025, 12, 7), new ArchivePolicy("a@ac-preau.fr", 365)
                .cutoff(LocalDate.of(2026, 12, 7)));
        assertEquals(LocalDate.of(2024, 2, 29), new ArchivePolicy("a@ac-preau.fr", 366)
                .cutoff(LocalDate.of(2025, 3, 1)));
    }
}

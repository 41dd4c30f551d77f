package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Which warning of the job password-expiry is due (docs/adr/0095): J-15, J-7, J-1, then the expiry. */
class PasswordExpiryStageTest {
    private static final Instant EXPIRY = Instant.parse("2027-03-01T09:00:00Z");

    private static int stageAt(Duration before) {
        return PasswordExpiry.stage(EXPIRY.minus(before), EXPIRY);
    }

    @Test
    void theMostUrgentWarningDueIsTheOneSent() {
        assertEquals(-1, stageAt(Duration.ofDays(16)), "more than 15 days left: nothing");
        assertEquals(15, stageAt(Duration.ofDays(15)));
        assertEquals(15, stageAt(Duration.ofDays(8)));
        assertEquals(7, stageAt(Duration.ofDays(7)));
        assertEquals(7, stageAt(Duration.ofDays(2)));
        assertEquals(1, stageAt(Duration.ofHours(23)));
        assertEquals(1, stageAt(Duration.ofSeconds(1)));
        assertEquals(0, stageAt(Duration.ZERO), "at expiry");
        assertEquals(0, stageAt(Duration.ofDays(-3)), "after it (a server down that night)");
    }

    @Test
    void partOfADayCountsAsADayLeft() {
        assertEquals(15, stageAt(Duration.ofDays(7).plusHours(12)), "7.5 days left: still the J-15 warning");
        assertEquals(7, stageAt(Duration.ofDays(1).plusMinutes(1)), "just over a day: J-7");
    }
}

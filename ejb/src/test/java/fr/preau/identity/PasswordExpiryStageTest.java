package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Which warning of the job password-expiry is due (docs/adr/0095): J-15, J-7, J-1, then the expiry, never less than
 * two weeks after the first warning.
 */
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

    @Test
    void aPasswordNeverExpiresSoonerThanTwoWeeksAfterItsFirstWarning() {
        Instant now = EXPIRY.plus(Duration.ofDays(200));
        assertEquals(now.plus(Duration.ofDays(14)), PasswordExpiry.noticed(EXPIRY, now),
                "long expired when the lifetime was switched on, never warned: warned now, expired in two weeks");
        assertEquals(15, PasswordExpiry.stage(now, PasswordExpiry.noticed(EXPIRY, now)), "so the J-15 warning goes");
        Instant lateWarning = EXPIRY.minus(Duration.ofDays(3));
        assertEquals(lateWarning.plus(Duration.ofDays(14)), PasswordExpiry.noticed(EXPIRY, lateWarning),
                "first warned 3 days before (the job did not run): the expiry waits");
        Instant onTime = EXPIRY.minus(Duration.ofDays(14));
        assertEquals(EXPIRY, PasswordExpiry.noticed(EXPIRY, onTime), "warned on time: expires as set");
        assertEquals(EXPIRY, PasswordExpiry.noticed(EXPIRY, EXPIRY.minus(Duration.ofDays(15))));
    }
}

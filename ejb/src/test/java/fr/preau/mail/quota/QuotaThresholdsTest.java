package fr.preau.mail.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.preau.mail.quota.QuotaThresholds.Decision;
import org.junit.jupiter.api.Test;

class QuotaThresholdsTest {
    @Test
    void belowEightyPercentNothingIsMailed() {
        assertEquals(new Decision(0, 0), QuotaThresholds.next(0, 79));
    }

    @Test
    void eachThresholdIsMailedOnceAsItIsCrossed() {
        assertEquals(new Decision(80, 80), QuotaThresholds.next(0, 80));
        assertEquals(new Decision(80, 0), QuotaThresholds.next(80, 85), "the next night: nothing again");
        assertEquals(new Decision(90, 90), QuotaThresholds.next(80, 90));
        assertEquals(new Decision(100, 100), QuotaThresholds.next(90, 100));
        assertEquals(new Decision(100, 0), QuotaThresholds.next(100, 100));
    }

    @Test
    void jumpingOverThresholdsMailsOnlyTheHighest() {
        assertEquals(new Decision(100, 100), QuotaThresholds.next(0, 100));
        assertEquals(new Decision(90, 90), QuotaThresholds.next(0, 95));
    }

    @Test
    void goingBackUnderAThresholdReArmsIt() {
        assertEquals(new Decision(80, 0), QuotaThresholds.next(90, 85), "under 90 %: no mail, 90 re-armed");
        assertEquals(new Decision(90, 90), QuotaThresholds.next(80, 91), "crossing 90 % again mails again");
        assertEquals(new Decision(0, 0), QuotaThresholds.next(100, 40));
        assertEquals(new Decision(80, 80), QuotaThresholds.next(0, 81));
    }
}

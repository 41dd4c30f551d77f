package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecentSignInTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void aSignInWithinTheMaxAgeIsRecent() {
        assertTrue(RecentSignIn.recent(NOW.minusSeconds(599), TEN_MINUTES, NOW));
        assertTrue(RecentSignIn.recent(NOW.minus(TEN_MINUTES), TEN_MINUTES, NOW));
    }

    @Test
    void anOlderOrUnknownSignInIsNot() {
        assertFalse(RecentSignIn.recent(NOW.minusSeconds(601), TEN_MINUTES, NOW));
        assertFalse(RecentSignIn.recent(null, TEN_MINUTES, NOW));
    }
}

package io.pactwatch.notifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwatch.contracts.EventType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTimingTest {

    private static final Instant CREATED = Instant.parse("2024-04-29T17:10:00Z");
    private static final Duration HOLD = Duration.ofSeconds(30);

    @Test
    void anUnnumberedRoundWaitsTheHoldFromItsCreation() {
        assertEquals(CREATED.plusSeconds(30), AlertTiming.firstAttempt(EventType.ROUND, null, CREATED, CREATED, HOLD));
        assertEquals(CREATED.plusSeconds(30),
                AlertTiming.firstAttempt(EventType.ROUND, null, CREATED, CREATED.plusSeconds(10), HOLD));
    }

    @Test
    void aDeliveryPlannedAfterTheHoldLeavesAtOnce() {
        Instant later = CREATED.plusSeconds(90);
        assertEquals(later, AlertTiming.firstAttempt(EventType.ROUND, null, CREATED, later, HOLD));
    }

    @Test
    void numberedRoundsAndOtherEventsAreNotHeld() {
        assertEquals(CREATED, AlertTiming.firstAttempt(EventType.ROUND, 3, CREATED, CREATED, HOLD));
        assertEquals(CREATED, AlertTiming.firstAttempt(EventType.SIGNED, null, CREATED, CREATED, HOLD));
        assertEquals(CREATED, AlertTiming.firstAttempt(EventType.TALKS_OPENED, null, CREATED, CREATED, HOLD));
    }

    @Test
    void aZeroHoldSendsAtOnce() {
        assertEquals(CREATED, AlertTiming.firstAttempt(EventType.ROUND, null, CREATED, CREATED, Duration.ZERO));
    }
}

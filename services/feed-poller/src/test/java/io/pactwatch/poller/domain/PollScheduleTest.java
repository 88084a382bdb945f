package io.pactwatch.poller.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Interval with jitter, ttl and max-age hints, exponential backoff with a cap, Retry-After. */
class PollScheduleTest {

    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    final PollSchedule exact = new PollSchedule(0, Duration.ofHours(1), Duration.ofHours(2));

    @Test
    void successWaitsTheIntervalOrTheFeedsLongerHint() {
        assertEquals(NOW.plusSeconds(300), exact.afterSuccess(NOW, Duration.ofMinutes(5), null, null));
        assertEquals(NOW.plusSeconds(1800), exact.afterSuccess(NOW, Duration.ofMinutes(5), 30, null));
        assertEquals(NOW.plusSeconds(600), exact.afterSuccess(NOW, Duration.ofMinutes(5), null, "public, max-age=600"));
        assertEquals(NOW.plus(Duration.ofHours(2)), exact.afterSuccess(NOW, Duration.ofMinutes(5), 1440, null), "hint capped");
        assertEquals(NOW.plusSeconds(300), exact.afterSuccess(NOW, Duration.ofMinutes(5), null, "max-age=10"), "shorter hint ignored");
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        Duration interval = Duration.ofMinutes(5);
        assertEquals(NOW.plusSeconds(300), exact.afterFailure(NOW, interval, 1, null));
        assertEquals(NOW.plusSeconds(600), exact.afterFailure(NOW, interval, 2, null));
        assertEquals(NOW.plusSeconds(1200), exact.afterFailure(NOW, interval, 3, null));
        assertEquals(NOW.plus(Duration.ofHours(1)), exact.afterFailure(NOW, interval, 30, null));
    }

    @Test
    void retryAfterIsHonouredWhenLonger() {
        assertEquals(NOW.plusSeconds(120), exact.afterFailure(NOW, Duration.ofSeconds(10), 1, Duration.ofSeconds(120)));
        assertEquals(NOW.plusSeconds(40), exact.afterFailure(NOW, Duration.ofSeconds(10), 3, Duration.ofSeconds(5)));
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), PollSchedule.parseRetryAfter("7", NOW));
        assertEquals(Duration.ofSeconds(90), PollSchedule.parseRetryAfter("Sat, 01 Jun 2024 12:01:30 GMT", NOW));
        assertNull(PollSchedule.parseRetryAfter("soon", NOW));
        assertNull(PollSchedule.parseRetryAfter(null, NOW));
    }

    @Test
    void jitterStaysWithinItsBand() {
        PollSchedule jittery = new PollSchedule(0.1, Duration.ofHours(1), Duration.ofHours(2));
        for (int i = 0; i < 200; i++) {
            long s = Duration.between(NOW, jittery.afterSuccess(NOW, Duration.ofSeconds(100), null, null)).toMillis();
            assertTrue(s >= 90_000 && s <= 110_000, "wait " + s);
        }
    }
}

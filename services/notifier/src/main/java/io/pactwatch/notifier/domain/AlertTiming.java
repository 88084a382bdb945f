package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.EventType;
import java.time.Duration;
import java.time.Instant;

/**
 * When an alert may first leave. Outlets often report a round without its number minutes before (or after) one that
 * names it; an alert rendered from the unnumbered report would say "round not stated" about a round that is known
 * moments later. Such rounds wait a short hold for a numbered report; everything else leaves at once.
 */
public final class AlertTiming {

    private AlertTiming() {
    }

    /**
     * @param round the event's round number now (null when no report stated it)
     * @param eventCreatedAt when the event was first stored; the hold counts from then, not from each corroboration
     */
    public static Instant firstAttempt(EventType type, Integer round, Instant eventCreatedAt, Instant now,
            Duration unnumberedRoundHold) {
        if (type != EventType.ROUND || round != null) {
            return now;
        }
        Instant held = eventCreatedAt.plus(unnumberedRoundHold);
        return held.isAfter(now) ? held : now;
    }
}

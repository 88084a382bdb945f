package io.pactwatch.notifier.domain.dashboard;

import java.time.Instant;

/** The part of the feed-poller's feed view ({@code GET /api/feeds}) the feeds page shows. */
public record PollerFeed(long id, String name, String url, int intervalSeconds, boolean enabled, Instant nextPollAt,
        Instant lastPolledAt, Instant lastSuccessAt, Integer lastStatus, String lastError, Instant lastErrorAt,
        int consecutiveFailures, boolean failing, long itemsPublished) {
}

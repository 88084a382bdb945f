package io.pactwatch.poller.rest;

import io.pactwatch.poller.persistence.FeedRow;
import java.time.Instant;
import java.util.List;

/** A feed as the API shows it: definition plus health, so a feed never fails silently. */
public record FeedView(long id, String name, String url, int intervalSeconds, boolean enabled, List<String> tags,
        boolean fullText, String origin, Instant nextPollAt, Instant lastPolledAt, Instant lastSuccessAt,
        Integer lastStatus, String lastError, Instant lastErrorAt, int consecutiveFailures, boolean failing,
        long itemsPublished) {

    static FeedView of(FeedRow r, int failingThreshold) {
        return new FeedView(r.id(), r.name(), r.url(), r.intervalSeconds(), r.enabled(), r.tags(), r.fullText(),
                r.origin(), r.nextPollAt(), r.lastPolledAt(), r.lastSuccessAt(), r.lastStatus(), r.lastError(),
                r.lastErrorAt(), r.consecutiveFailures(), r.consecutiveFailures() >= failingThreshold, r.itemsPublished());
    }
}

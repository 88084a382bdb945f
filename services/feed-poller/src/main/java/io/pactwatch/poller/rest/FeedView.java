package io.pactwatch.poller.rest;

import io.pactwatch.contracts.UrlRedaction;
import io.pactwatch.poller.persistence.FeedRow;
import java.time.Instant;
import java.util.List;

/**
 * A feed as the API shows it: definition plus health, so a feed never fails silently. A password in the feed's URL
 * ({@code http://user:pass@host/feed}) is shown as {@code ***}, in the URL and in the error text alike.
 */
public record FeedView(long id, String name, String url, int intervalSeconds, boolean enabled, List<String> tags,
        boolean fullText, String origin, Instant nextPollAt, Instant lastPolledAt, Instant lastSuccessAt,
        Integer lastStatus, String lastError, Instant lastErrorAt, int consecutiveFailures, boolean failing,
        long itemsPublished) {

    static FeedView of(FeedRow r, int failingThreshold) {
        return new FeedView(r.id(), r.name(), UrlRedaction.passwordsHidden(r.url()), r.intervalSeconds(), r.enabled(), r.tags(), r.fullText(),
                r.origin(), r.nextPollAt(), r.lastPolledAt(), r.lastSuccessAt(), r.lastStatus(), UrlRedaction.passwordHiddenIn(r.lastError(), r.url()),
                r.lastErrorAt(), r.consecutiveFailures(), r.consecutiveFailures() >= failingThreshold, r.itemsPublished());
    }
}

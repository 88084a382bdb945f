package io.pactwatch.poller.domain;

import java.util.List;

/**
 * A feed as parsed: its items (capped) and the refresh hint from an RSS {@code <ttl>} in minutes, or null.
 */
public record ParsedFeed(String title, List<FeedItem> items, Integer ttlMinutes, int itemsDropped) {
}

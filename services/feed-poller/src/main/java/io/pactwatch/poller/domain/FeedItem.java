package io.pactwatch.poller.domain;

import java.time.Instant;

/** One item of a parsed feed, before identity and de-duplication. {@code publishedAt} is never null. */
public record FeedItem(String guid, String link, String title, String summary, Instant publishedAt) {
}

package io.pactwatch.poller.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A feed registry row: definition, conditional-GET validators, schedule and health. */
public record FeedRow(long id, String name, String url, int intervalSeconds, boolean enabled, List<String> tags,
        boolean fullText, String origin, String etag, String lastModified, Instant nextPollAt, Instant lastPolledAt,
        Instant lastSuccessAt, Integer lastStatus, String lastError, Instant lastErrorAt, int consecutiveFailures,
        long itemsPublished) {

    static FeedRow of(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        return new FeedRow(row.getLong("id"), row.getString("name"), row.getString("url"),
                row.getInteger("interval_seconds"), row.getBoolean("enabled"),
                tags == null ? List.of() : Arrays.asList(tags), row.getBoolean("full_text"), row.getString("origin"),
                row.getString("etag"), row.getString("last_modified"), instant(row, "next_poll_at"),
                instant(row, "last_polled_at"), instant(row, "last_success_at"), row.getInteger("last_status"),
                row.getString("last_error"), instant(row, "last_error_at"), row.getInteger("consecutive_failures"),
                row.getLong("items_published"));
    }

    /** The same row with another URL (the one entered, its credentials opened). */
    FeedRow withUrl(String url) {
        return url.equals(this.url) ? this : new FeedRow(id, name, url, intervalSeconds, enabled, tags, fullText, origin, etag,
                lastModified, nextPollAt, lastPolledAt, lastSuccessAt, lastStatus, lastError, lastErrorAt, consecutiveFailures,
                itemsPublished);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

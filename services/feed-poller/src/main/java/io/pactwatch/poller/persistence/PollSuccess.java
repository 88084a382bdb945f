package io.pactwatch.poller.persistence;

import java.time.Instant;

/**
 * What one successful poll (200 or 304) of one feed leaves in its registry row, so the outcomes of many feeds can be
 * written in one statement ({@link FeedRepository#recordSuccesses}) while each row still gets its own values.
 */
public record PollSuccess(long feedId, int status, String etag, String lastModified, Instant nextPollAt, int published) {
}

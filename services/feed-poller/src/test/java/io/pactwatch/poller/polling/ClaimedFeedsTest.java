package io.pactwatch.poller.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.poller.persistence.FeedRow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claimed-but-not-started queue: claim order kept, a feed that waited too long is handed back, not polled. */
class ClaimedFeedsTest {

    private long now;
    private final ClaimedFeeds claimed = new ClaimedFeeds(Duration.ofSeconds(60), () -> now);

    private static FeedRow feed(long id) {
        return new FeedRow(id, "Feed " + id, "http://127.0.0.1/" + id + ".xml", 300, true, List.of(), false, "api", null,
                null, null, null, null, null, null, null, 0, 0);
    }

    @Test
    void feedsComeOutInClaimOrderAndFreshWithinTheAllowedWait() {
        claimed.add(List.of(feed(1), feed(2)), true);
        now += Duration.ofSeconds(59).toNanos();
        ClaimedFeeds.Next first = claimed.take();
        assertEquals(1, first.feed().id());
        assertTrue(first.fresh());
        assertTrue(claimed.lastClaimWasFull());
        assertFalse(claimed.isEmpty());
    }

    @Test
    void aFeedThatWaitedPastTheAllowedWaitIsNotFresh() {
        claimed.add(List.of(feed(1)), false);
        now += Duration.ofSeconds(60).toNanos();
        claimed.add(List.of(feed(2)), false);
        assertFalse(claimed.take().fresh(), "claimed 60 s ago: its lease may end during the poll");
        assertTrue(claimed.take().fresh(), "claimed just now");
        assertTrue(claimed.isEmpty());
        assertFalse(claimed.lastClaimWasFull());
    }

    @Test
    void drainHandsBackEveryWaitingFeed() {
        claimed.add(List.of(feed(3), feed(4), feed(5)), true);
        claimed.take();
        assertEquals(List.of(4L, 5L), claimed.drain());
        assertTrue(claimed.isEmpty());
    }
}

package io.pactwatch.poller.polling;

import io.pactwatch.poller.persistence.FeedRow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The feeds this replica claimed in a batch and has not started yet, oldest claim first. A feed that waited longer
 * than allowed comes out as not fresh: its lease may run out during the poll, so it should be released instead.
 * Not thread-safe; {@link PollScheduler} guards it.
 */
final class ClaimedFeeds {

    /** The next claimed feed, and whether enough of its lease is left to start it. */
    record Next(FeedRow feed, boolean fresh) {
    }

    private record Waiting(FeedRow feed, long claimedAtNanos) {
    }

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final long maxWaitNanos;
    private final LongSupplier clock;
    private boolean lastClaimWasFull;

    ClaimedFeeds(Duration maxWait) {
        this(maxWait, System::nanoTime);
    }

    ClaimedFeeds(Duration maxWait, LongSupplier clock) {
        this.maxWaitNanos = maxWait.toNanos();
        this.clock = clock;
    }

    void add(List<FeedRow> rows, boolean full) {
        long now = clock.getAsLong();
        rows.forEach(row -> waiting.add(new Waiting(row, now)));
        lastClaimWasFull = full;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Whether the latest claim got as many feeds as it asked for, so more may be due. */
    boolean lastClaimWasFull() {
        return lastClaimWasFull;
    }

    Next take() {
        Waiting w = waiting.poll();
        if (w == null) {
            throw new IllegalStateException("no claimed feed waiting");
        }
        return new Next(w.feed(), clock.getAsLong() - w.claimedAtNanos() < maxWaitNanos);
    }

    /** Removes and returns the ids of every waiting feed. */
    List<Long> drain() {
        List<Long> ids = new ArrayList<>();
        waiting.forEach(w -> ids.add(w.feed().id()));
        waiting.clear();
        return ids;
    }
}

package io.pactwatch.poller.polling;

import io.pactwatch.poller.config.PollerConfig;
import io.pactwatch.poller.messaging.PollMetrics;
import io.pactwatch.poller.persistence.FeedRepository;
import io.pactwatch.poller.persistence.FeedRow;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Every tick, claims a batch of due feeds and starts as many polls as there are free fetch slots without waiting for
 * them, so a slow feed never holds up the others; the rest of the batch waits here, leased, for slots. Claims go
 * through the database lease, so replicas share the work.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final FeedRepository feeds;
    private final PollJob job;
    private final PollMetrics metrics;
    private final PollerConfig config;
    private final LeaseOwner owner;
    private final ClaimedFeeds claimed;
    private int inFlight;
    private boolean claiming;

    public PollScheduler(FeedRepository feeds, PollJob job, PollMetrics metrics, PollerConfig config, LeaseOwner owner) {
        this.feeds = feeds;
        this.job = job;
        this.metrics = metrics;
        this.config = config;
        this.owner = owner;
        // a claimed feed is started only while at least half its lease is left (more than a fetch's total timeout
        // with the default settings), so its poll ends before another replica may claim it
        this.claimed = new ClaimedFeeds(config.lease().dividedBy(2));
    }

    @Scheduled(every = "${pactwatch.poller.tick}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        startWaiting();
        return claimIfRoom(false);
    }

    /**
     * Claims a batch when fetch slots would otherwise stay free: at a tick, or when a finished poll finds nothing
     * claimed left and the last claim was full (there may be more due feeds), so a pass is bounded by the concurrency
     * cap rather than by one batch per tick. One claim at a time.
     */
    private Uni<Void> claimIfRoom(boolean onlyIfMore) {
        int limit;
        synchronized (this) {
            int free = config.maxConcurrentFetches() - inFlight;
            if (claiming || free <= 0 || !claimed.isEmpty() || (onlyIfMore && !claimed.lastClaimWasFull())) {
                return Uni.createFrom().voidItem();
            }
            claiming = true;
            limit = Math.max(free, config.claimBatchSize());
        }
        return feeds.claimDue(owner.id(), config.lease().toSeconds(), limit).invoke(rows -> {
            synchronized (this) {
                claimed.add(rows, rows.size() == limit);
                claiming = false;
            }
            startWaiting();
        }).onFailure().invoke(e -> {
            synchronized (this) {
                claiming = false;
            }
            LOG.warnf("cannot claim due feeds: %s", e.getMessage());
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Starts claimed feeds in the free slots; releases those whose lease got too short while they waited. */
    private void startWaiting() {
        List<FeedRow> start = new ArrayList<>();
        List<Long> stale = new ArrayList<>();
        synchronized (this) {
            while (inFlight < config.maxConcurrentFetches() && !claimed.isEmpty()) {
                ClaimedFeeds.Next next = claimed.take();
                if (next.fresh()) {
                    inFlight++;
                    start.add(next.feed());
                } else {
                    stale.add(next.feed().id());
                }
            }
        }
        if (!stale.isEmpty()) {
            feeds.releaseLeases(owner.id(), stale).subscribe().with(done -> {
            }, e -> LOG.warnf("cannot release %d lease(s); they expire: %s", stale.size(), e.getMessage()));
        }
        start.forEach(this::poll);
    }

    private void poll(FeedRow feed) {
        job.poll(feed).eventually(this::finished).subscribe().with(ok -> {
        }, error -> LOG.errorf(error, "poll of feed %d failed unexpectedly", feed.id()));
    }

    private void finished() {
        synchronized (this) {
            inFlight--;
        }
        startWaiting();
        claimIfRoom(true).subscribe().with(done -> {
        }, error -> LOG.warnf("cannot claim due feeds: %s", error.getMessage()));
    }

    /** On shutdown, hands the claimed feeds that never started back, so other replicas need not wait for the lease. */
    void releaseWaiting(@Observes ShutdownEvent stop) {
        List<Long> ids;
        synchronized (this) {
            ids = claimed.drain();
        }
        if (!ids.isEmpty()) {
            feeds.releaseLeases(owner.id(), ids).await().atMost(Duration.ofSeconds(5));
        }
    }

    @Scheduled(every = "15s", delayed = "2s")
    Uni<Void> refreshFailingGauge() {
        return feeds.countFailing(config.failingThreshold()).invoke(metrics::failingFeeds)
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Fetches in flight on this replica. */
    public synchronized int inFlight() {
        return inFlight;
    }
}

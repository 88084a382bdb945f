package io.pactwatch.poller.polling;

import io.pactwatch.poller.config.PollerConfig;
import io.pactwatch.poller.messaging.PollMetrics;
import io.pactwatch.poller.persistence.FeedRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Every tick, claims as many due feeds as there are free fetch slots and starts their polls without waiting for
 * them, so a slow feed never holds up the others. Claims go through the database lease, so replicas share the work.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final FeedRepository feeds;
    private final PollJob job;
    private final PollMetrics metrics;
    private final PollerConfig config;
    private final LeaseOwner owner;
    private final AtomicInteger inFlight = new AtomicInteger();

    public PollScheduler(FeedRepository feeds, PollJob job, PollMetrics metrics, PollerConfig config, LeaseOwner owner) {
        this.feeds = feeds;
        this.job = job;
        this.metrics = metrics;
        this.config = config;
        this.owner = owner;
    }

    @Scheduled(every = "${pactwatch.poller.tick}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return claimAndStart();
    }

    /**
     * Claims up to the free fetch slots and starts those polls. When the claim filled every slot there may be more
     * due feeds, so each finishing poll claims again at once instead of waiting for the next tick: throughput is
     * bounded by the concurrency cap, not by one batch per tick.
     */
    private Uni<Void> claimAndStart() {
        int free = config.maxConcurrentFetches() - inFlight.get();
        if (free <= 0) {
            return Uni.createFrom().voidItem();
        }
        return feeds.claimDue(owner.id(), config.lease().toSeconds(), free).invoke(claimed -> {
            boolean mayBeMore = claimed.size() == free;
            claimed.forEach(feed -> {
                inFlight.incrementAndGet();
                job.poll(feed).eventually(inFlight::decrementAndGet).subscribe().with(ok -> {
                    if (mayBeMore) {
                        claimAndStart().subscribe().with(done -> {
                        }, error -> LOG.warnf("cannot claim due feeds: %s", error.getMessage()));
                    }
                }, error -> LOG.errorf(error, "poll of feed %d failed unexpectedly", feed.id()));
            });
        }).onFailure().invoke(e -> LOG.warnf("cannot claim due feeds: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @Scheduled(every = "15s", delayed = "2s")
    Uni<Void> refreshFailingGauge() {
        return feeds.countFailing(config.failingThreshold()).invoke(metrics::failingFeeds)
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Fetches in flight on this replica. */
    public int inFlight() {
        return inFlight.get();
    }
}

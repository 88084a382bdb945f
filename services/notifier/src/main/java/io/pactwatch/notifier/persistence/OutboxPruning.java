package io.pactwatch.notifier.persistence;

import io.pactwatch.notifier.config.NotifierConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Deletes event versions from the outbox once they were relayed and are older than
 * {@code pactwatch.notifier.outbox-retention}. Nothing reads a relayed row again (the compacted topic keeps each
 * event's latest version, the event store its state), and every version carries the event's whole view, so without
 * this the table grew for ever (about 200 MB of views per 100,000 articles of the pipeline benchmark's mix, some
 * 20 MB on disk once PostgreSQL has compressed them). A row not yet relayed is never deleted.
 */
@ApplicationScoped
public class OutboxPruning {

    /** Rows deleted per transaction, so a large backlog of old rows does not hold one long transaction. */
    static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(OutboxPruning.class);

    private final Duration retention;

    public OutboxPruning(NotifierConfig config) {
        this.retention = config.outboxRetention();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (retention.isZero() || retention.isNegative()) {
            return Uni.createFrom().voidItem();
        }
        return prune(Instant.now().minus(retention))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d relayed event versions older than %s from the outbox", deleted, retention);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("outbox pruning failed, trying again later: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the rows relayed before {@code publishedBefore}, oldest first, a batch per transaction; how many. */
    public Uni<Long> prune(Instant publishedBefore) {
        return Multi.createBy().repeating().uni(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("DELETE FROM event_outbox WHERE id IN (SELECT id"
                                + " FROM event_outbox WHERE published_at < :before ORDER BY id LIMIT " + BATCH + ")")
                                .setParameter("before", publishedBefore).executeUpdate())))
                .whilst(deleted -> deleted == BATCH)
                .collect().with(Collectors.summingLong(Integer::longValue));
    }
}

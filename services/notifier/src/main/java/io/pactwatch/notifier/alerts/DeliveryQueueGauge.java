package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.messaging.NotifierMetrics;
import io.pactwatch.notifier.persistence.DeliveryEntity;
import io.pactwatch.notifier.persistence.OutboxEntity;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads the backlog operators alert on (deliveries waiting and the age of the oldest, unrelayed outbox rows, failing
 * subscriptions) into the metrics every {@code pactwatch.notifier.metrics-interval}; a failed read keeps the last
 * figures.
 */
@ApplicationScoped
class DeliveryQueueGauge {

    private static final List<String> WAITING = List.of(DeliveryEntity.PENDING, DeliveryEntity.SENDING);

    private final NotifierMetrics metrics;

    public DeliveryQueueGauge(NotifierMetrics metrics) {
        this.metrics = metrics;
    }

    @Scheduled(every = "${pactwatch.notifier.metrics-interval}", delayed = "2s")
    Uni<Void> measure() {
        return Panache.withSession(() -> DeliveryEntity.count("status in ?1", WAITING)
                .chain(pending -> DeliveryEntity.<DeliveryEntity>find("status in ?1 order by createdAt", WAITING).firstResult()
                        .chain(oldest -> OutboxEntity.count("publishedAt is null")
                                .invoke(outbox -> metrics.queue(pending, oldest == null ? 0
                                        : Duration.between(oldest.createdAt, Instant.now()).toSeconds(), outbox))))
                .chain(() -> SubscriptionEntity.count("status", SubscriptionEntity.FAILING))
                .invoke(metrics::failingSubscriptions))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}

package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.EventType;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.AlertTiming;
import io.pactwatch.notifier.domain.SubscriptionFilter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert side of the transactional outbox: inside the event's transaction, writes one pending delivery per active
 * subscription whose filter the event now matches and that has none for it yet.
 */
@ApplicationScoped
public class DeliveryPlanner {

    /** Set when a delivery was planned and not yet handed to the dispatcher (see {@link #takePlanned()}). */
    private final AtomicBoolean planned = new AtomicBoolean();
    private final Duration unnumberedRoundHold;

    public DeliveryPlanner(NotifierConfig config) {
        this.unnumberedRoundHold = config.dispatch().unnumberedRoundHold();
    }

    /**
     * True once after deliveries were planned: the consumer then kicks the dispatcher after its commit. Shared by the
     * consumer's copies, so one copy may take another's flag before that one committed; its delivery then waits for
     * the next poll (a second at most), never longer.
     */
    public boolean takePlanned() {
        return planned.getAndSet(false);
    }

    public Uni<Void> plan(AgreementEvent event, Instant eventCreatedAt) {
        return SubscriptionEntity.<SubscriptionEntity>list("status", SubscriptionEntity.ACTIVE).chain(subs -> Multi
                .createFrom().iterable(subs)
                .filter(s -> filterOf(s).matches(event.trackerId(), event.counterpart(), event.type(),
                        event.corroboration(), eventCreatedAt))
                .onItem().transformToUniAndConcatenate(s -> DeliveryEntity
                        .count("subscriptionId = ?1 and eventId = ?2", s.id, event.eventId())
                        .chain(n -> n > 0 ? Uni.createFrom().voidItem() : newDelivery(s.id, event, eventCreatedAt)))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> newDelivery(Long subscriptionId, AgreementEvent event, Instant eventCreatedAt) {
        Instant now = Instant.now();
        DeliveryEntity d = new DeliveryEntity();
        d.subscriptionId = subscriptionId;
        d.eventId = event.eventId();
        d.status = DeliveryEntity.PENDING;
        d.nextAttemptAt = AlertTiming.firstAttempt(event.type(), event.round(), eventCreatedAt, now, unnumberedRoundHold);
        d.createdAt = now;
        if (!d.nextAttemptAt.isAfter(now)) {
            planned.set(true);
        }
        return d.persist().replaceWithVoid();
    }

    /** A held round just learned its number: its pending alerts need not wait any longer. */
    public Uni<Void> releaseHeld(String eventId) {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> DeliveryEntity.update("nextAttemptAt = ?1 where eventId = ?2 and status = ?3 and nextAttemptAt > ?1",
                        now, eventId, DeliveryEntity.PENDING))
                .invoke(n -> {
                    if (n > 0) {
                        planned.set(true);
                    }
                }).replaceWithVoid();
    }

    public static SubscriptionFilter filterOf(SubscriptionEntity s) {
        Set<EventType> types = Arrays.stream(s.eventTypes).map(EventType::valueOf).collect(Collectors.toSet());
        return new SubscriptionFilter(types, Arrays.asList(s.trackers), Arrays.asList(s.counterparts),
                s.minCorroboration, s.createdAt);
    }
}

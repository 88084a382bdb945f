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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert side of the transactional outbox: inside the event's transaction, writes one pending delivery per active
 * subscription whose filter the event now matches and that has none for it yet.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private final Duration unnumberedRoundHold;

    public DeliveryPlanner(NotifierConfig config) {
        this.unnumberedRoundHold = config.dispatch().unnumberedRoundHold();
    }

    /** Plans the event's deliveries; true when one of them is due now (not held), so the dispatcher should run. */
    public Uni<Boolean> plan(AgreementEvent event, Instant eventCreatedAt) {
        return SubscriptionEntity.<SubscriptionEntity>list("status", SubscriptionEntity.ACTIVE).chain(subs -> {
            List<SubscriptionEntity> matching = subs.stream().filter(s -> filterOf(s).matches(event.trackerId(),
                    event.counterpart(), event.type(), event.corroboration(), eventCreatedAt)).toList();
            if (matching.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            return alreadyPlanned(event.eventId()).chain(planned -> Multi.createFrom().iterable(matching)
                    .filter(s -> !planned.contains(s.id))
                    .onItem().transformToUniAndConcatenate(s -> newDelivery(s.id, event, eventCreatedAt))
                    .collect().with(Collectors.reducing(false, Boolean::logicalOr)));
        });
    }

    /** The subscriptions that already have a delivery of this event: one query, however many subscriptions match. */
    private static Uni<Set<Long>> alreadyPlanned(String eventId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select d.subscriptionId from DeliveryEntity d where d.eventId = :eventId", Long.class)
                .setParameter("eventId", eventId).getResultList()).map(Set::copyOf);
    }

    private Uni<Boolean> newDelivery(Long subscriptionId, AgreementEvent event, Instant eventCreatedAt) {
        Instant now = Instant.now();
        DeliveryEntity d = new DeliveryEntity();
        d.subscriptionId = subscriptionId;
        d.eventId = event.eventId();
        d.status = DeliveryEntity.PENDING;
        d.nextAttemptAt = AlertTiming.firstAttempt(event.type(), event.round(), eventCreatedAt, now, unnumberedRoundHold);
        d.createdAt = now;
        return d.persist().replaceWith(!d.nextAttemptAt.isAfter(now));
    }

    /** A held round just learned its number: its pending alerts need not wait any longer. True when any were held. */
    public Uni<Boolean> releaseHeld(String eventId) {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> DeliveryEntity.update("nextAttemptAt = ?1 where eventId = ?2 and status = ?3 and nextAttemptAt > ?1",
                        now, eventId, DeliveryEntity.PENDING))
                .map(released -> released > 0);
    }

    public static SubscriptionFilter filterOf(SubscriptionEntity s) {
        Set<EventType> types = Arrays.stream(s.eventTypes).map(EventType::valueOf).collect(Collectors.toSet());
        return new SubscriptionFilter(types, Arrays.asList(s.trackers), Arrays.asList(s.counterparts),
                s.minCorroboration, s.createdAt);
    }
}

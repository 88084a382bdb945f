package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.EventType;
import io.pactwatch.notifier.domain.SubscriptionFilter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
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
                        .chain(n -> n > 0 ? Uni.createFrom().voidItem() : newDelivery(s.id, event.eventId())))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> newDelivery(Long subscriptionId, String eventId) {
        planned.set(true);
        DeliveryEntity d = new DeliveryEntity();
        d.subscriptionId = subscriptionId;
        d.eventId = eventId;
        d.status = DeliveryEntity.PENDING;
        d.nextAttemptAt = Instant.now();
        d.createdAt = Instant.now();
        return d.persist().replaceWithVoid();
    }

    public static SubscriptionFilter filterOf(SubscriptionEntity s) {
        Set<EventType> types = Arrays.stream(s.eventTypes).map(EventType::valueOf).collect(Collectors.toSet());
        return new SubscriptionFilter(types, Arrays.asList(s.trackers), Arrays.asList(s.counterparts),
                s.minCorroboration, s.createdAt);
    }
}

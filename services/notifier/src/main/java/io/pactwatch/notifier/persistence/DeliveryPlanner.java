package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.EventType;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.AlertTiming;
import io.pactwatch.notifier.domain.SubscriptionFilter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Plans the deliveries of events just created or corroborated; true when one of them is due now (not held), so the
     * dispatcher should run. Two queries (active subscriptions, deliveries the events already have), however many
     * events and subscriptions match.
     */
    public Uni<Boolean> plan(List<AgreementEvent> events, Map<String, Instant> eventCreatedAt) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return SubscriptionEntity.<SubscriptionEntity>list("status", SubscriptionEntity.ACTIVE).chain(subs -> {
            List<SubscriptionFilter> filters = subs.stream().map(DeliveryPlanner::filterOf).toList();
            Map<String, List<Long>> matching = new LinkedHashMap<>();
            for (AgreementEvent event : events) {
                for (int i = 0; i < subs.size(); i++) {
                    if (filters.get(i).matches(event.trackerId(), event.counterpart(), event.type(), event.corroboration(),
                            eventCreatedAt.get(event.eventId()))) {
                        matching.computeIfAbsent(event.eventId(), id -> new ArrayList<>()).add(subs.get(i).id);
                    }
                }
            }
            if (matching.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            return alreadyPlanned(matching.keySet()).chain(planned -> {
                Instant now = Instant.now();
                List<DeliveryEntity> fresh = new ArrayList<>();
                for (AgreementEvent event : events) {
                    for (Long subscriptionId : matching.getOrDefault(event.eventId(), List.of())) {
                        if (!planned.contains(subscriptionId + "|" + event.eventId())) {
                            fresh.add(newDelivery(subscriptionId, event, eventCreatedAt.get(event.eventId()), now));
                        }
                    }
                }
                if (fresh.isEmpty()) {
                    return Uni.createFrom().item(false);
                }
                boolean due = fresh.stream().anyMatch(d -> !d.nextAttemptAt.isAfter(now));
                return Panache.getSession().chain(session -> session.persistAll(fresh.toArray())).replaceWith(due);
            });
        });
    }

    /** "subscriptionId|eventId" of the deliveries these events already have. */
    private static Uni<Set<String>> alreadyPlanned(Collection<String> eventIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select d.subscriptionId, d.eventId from DeliveryEntity d where d.eventId in :eventIds", Object[].class)
                .setParameter("eventIds", eventIds).getResultList())
                .map(rows -> rows.stream().map(r -> r[0] + "|" + r[1]).collect(Collectors.toSet()));
    }

    private DeliveryEntity newDelivery(Long subscriptionId, AgreementEvent event, Instant eventCreatedAt, Instant now) {
        DeliveryEntity d = new DeliveryEntity();
        d.subscriptionId = subscriptionId;
        d.eventId = event.eventId();
        d.status = DeliveryEntity.PENDING;
        d.nextAttemptAt = AlertTiming.firstAttempt(event.type(), event.round(), eventCreatedAt, now, unnumberedRoundHold);
        d.createdAt = now;
        return d;
    }

    /** Rounds that just learned their number: their pending alerts need not wait any longer. True when any were held. */
    public Uni<Boolean> releaseHeld(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> DeliveryEntity.update("nextAttemptAt = ?1 where eventId in ?2 and status = ?3 and nextAttemptAt > ?1",
                        now, eventIds, DeliveryEntity.PENDING))
                .map(released -> released > 0);
    }

    public static SubscriptionFilter filterOf(SubscriptionEntity s) {
        Set<EventType> types = Arrays.stream(s.eventTypes).map(EventType::valueOf).collect(Collectors.toSet());
        return new SubscriptionFilter(types, Arrays.asList(s.trackers), Arrays.asList(s.counterparts),
                s.minCorroboration, s.createdAt);
    }
}

package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which events a subscription wants: event types (default ROUND and SIGNED), trackers and counterparts (empty means
 * all), a minimum corroboration, and only events created after the subscription (no flood of history).
 */
public record SubscriptionFilter(Set<EventType> types, List<String> trackers, List<String> counterparts,
        int minCorroboration, Instant subscribedAt) {

    public static final Set<EventType> DEFAULT_TYPES = Set.of(EventType.ROUND, EventType.SIGNED);

    public boolean matches(String trackerId, String counterpart, EventType type, int corroboration, Instant eventCreatedAt) {
        return types.contains(type)
                && (trackers.isEmpty() || trackers.contains(trackerId))
                && (counterparts.isEmpty() || counterparts.contains(counterpart))
                && corroboration >= minCorroboration
                && eventCreatedAt.isAfter(subscribedAt);
    }
}

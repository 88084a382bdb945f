package io.pactwatch.notifier.rest;

import io.pactwatch.notifier.persistence.SubscriptionEntity;
import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it, with its status and failure reason; webhooks show their signing secret once. */
public record SubscriptionView(long id, String channel, String target, List<String> eventTypes, List<String> trackers,
        List<String> counterparts, int minCorroboration, String status, String failureReason, Instant createdAt,
        Instant confirmedAt, String webhookSecret) {

    static SubscriptionView of(SubscriptionEntity s, String webhookSecret) {
        return new SubscriptionView(s.id, s.channel, s.target, List.of(s.eventTypes), List.of(s.trackers),
                List.of(s.counterparts), s.minCorroboration, s.status, s.failureReason, s.createdAt, s.confirmedAt,
                webhookSecret);
    }
}

package io.pactwatch.notifier.rest;

import io.pactwatch.contracts.UrlRedaction;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it, with its status and failure reason. A Slack or webhook URL is itself a
 * credential (anyone holding it can post), so only its scheme, host and last four characters are shown; webhooks
 * show their signing secret once, in the answer to their creation.
 */
public record SubscriptionView(long id, String channel, String target, List<String> eventTypes, List<String> trackers,
        List<String> counterparts, int minCorroboration, String status, String failureReason, Instant createdAt,
        Instant confirmedAt, String webhookSecret) {

    static SubscriptionView of(SubscriptionEntity s, String webhookSecret) {
        return new SubscriptionView(s.id, s.channel, redacted(s.channel, s.target), List.of(s.eventTypes), List.of(s.trackers),
                List.of(s.counterparts), s.minCorroboration, s.status, s.failureReason, s.createdAt, s.confirmedAt,
                webhookSecret);
    }

    /** {@code https://hooks.slack.com/…wxyz} for URL targets; email addresses and console names as they are. */
    static String redacted(String channel, String target) {
        return "slack".equals(channel) || "webhook".equals(channel) ? UrlRedaction.secretPathHidden(target) : target;
    }
}

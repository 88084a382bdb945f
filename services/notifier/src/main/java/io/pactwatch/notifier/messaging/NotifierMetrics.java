package io.pactwatch.notifier.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of the notifier: articles consumed, poll batches stored, dead letters, events published,
 * deliveries (with their send and claim times) and queue.
 */
@ApplicationScoped
public class NotifierMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pendingDeliveries = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong pendingOutbox = new AtomicLong();
    private final AtomicLong failingSubscriptions = new AtomicLong();

    public NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("pactwatch_notifier_deliveries_pending", pendingDeliveries);
        registry.gauge("pactwatch_notifier_deliveries_oldest_pending_seconds", oldestPendingSeconds);
        registry.gauge("pactwatch_notifier_event_outbox_pending", pendingOutbox);
        registry.gauge("pactwatch_notifier_subscriptions_failing", failingSubscriptions);
    }

    public void articlesConsumed(boolean relevant, int count) {
        if (count > 0) {
            registry.counter("pactwatch_notifier_articles_consumed_total", "relevant", String.valueOf(relevant)).increment(count);
        }
    }

    /**
     * A poll batch stored: its records, and whether it took an event-store transaction (it held a relevant article).
     * Records per transaction is what the store's cost follows (see docs/performance.md).
     */
    public void batchStored(int records, boolean transaction) {
        registry.summary("pactwatch_notifier_batch_records", "transaction", String.valueOf(transaction)).record(records);
    }

    public void deadLettered() {
        registry.counter("pactwatch_notifier_dead_letters_total").increment();
    }

    public void eventPublished() {
        registry.counter("pactwatch_notifier_events_published_total").increment();
    }

    /**
     * One send's outcome (sent, retry or permanent) and how long it took, loading its event and waiting for the
     * receiver's answer included: a slow Slack or SMTP relay shows here.
     */
    public void delivery(String channel, String outcome, Duration took) {
        registry.counter("pactwatch_notifier_deliveries_total", "channel", channel, "outcome", outcome).increment();
        Timer.builder("pactwatch_notifier_delivery").tags("channel", channel, "outcome", outcome).publishPercentileHistogram()
                .register(registry).record(took);
    }

    /** How long a dispatcher claim that took deliveries ran (its transaction: most of an alert's time in the notifier). */
    public void dispatchClaim(Duration took) {
        Timer.builder("pactwatch_notifier_dispatch_claim").publishPercentileHistogram().register(registry).record(took);
    }

    public void failingSubscriptions(long failing) {
        failingSubscriptions.set(failing);
    }

    public void queue(long pending, long oldestSeconds, long outbox) {
        pendingDeliveries.set(pending);
        oldestPendingSeconds.set(oldestSeconds);
        pendingOutbox.set(outbox);
    }
}

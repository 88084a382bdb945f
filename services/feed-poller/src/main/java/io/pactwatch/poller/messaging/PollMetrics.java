package io.pactwatch.poller.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The poller's Prometheus metrics: fetches by outcome, items published, fetch latency, failing feeds. */
@ApplicationScoped
public class PollMetrics {

    private final MeterRegistry registry;
    private final AtomicLong failingFeeds = new AtomicLong();

    public PollMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("pactwatch_poller_failing_feeds", failingFeeds);
    }

    /** Outcome: 200, 304, or an error kind such as TIMEOUT or RATE_LIMITED. */
    public void fetched(String outcome, Duration latency) {
        registry.counter("pactwatch_poller_fetches_total", "outcome", outcome).increment();
        Timer.builder("pactwatch_poller_fetch_duration").tag("outcome", outcome).register(registry).record(latency);
    }

    public void published(boolean revision) {
        registry.counter("pactwatch_poller_items_published_total", "kind", revision ? "revision" : "new").increment();
    }

    /** A full-text extraction: the page's main text, or a fall-back to the feed summary. */
    public void fullText(boolean extracted) {
        registry.counter("pactwatch_poller_full_text_total", "outcome", extracted ? "extracted" : "fallback").increment();
    }

    public void failingFeeds(long count) {
        failingFeeds.set(count);
    }
}

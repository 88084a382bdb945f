package io.pactwatch.poller.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The poller's Prometheus metrics: fetches by outcome, items published, fetch latency, failing feeds. */
@ApplicationScoped
public class PollMetrics {

    private final MeterRegistry registry;
    private final AtomicLong failingFeeds = new AtomicLong();
    /** The counter and timer of each fetch outcome, looked up once instead of on every fetch. */
    private final Map<String, Fetches> byOutcome = new ConcurrentHashMap<>();

    private record Fetches(Counter count, Timer duration) {
    }

    public PollMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("pactwatch_poller_failing_feeds", failingFeeds);
    }

    /** Outcome: 200, 304, or an error kind such as TIMEOUT or RATE_LIMITED. */
    public void fetched(String outcome, Duration latency) {
        Fetches meters = byOutcome.computeIfAbsent(outcome, o -> new Fetches(
                registry.counter("pactwatch_poller_fetches_total", "outcome", o),
                Timer.builder("pactwatch_poller_fetch_duration").tag("outcome", o).register(registry)));
        meters.count().increment();
        meters.duration().record(latency);
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

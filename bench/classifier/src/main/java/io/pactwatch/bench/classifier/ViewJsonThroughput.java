package io.pactwatch.bench.classifier;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventSource;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Json;
import io.pactwatch.notifier.persistence.AgreementEventEntity;
import io.pactwatch.notifier.persistence.EventSourceEntity;
import io.pactwatch.notifier.persistence.EventViews;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serialising one event view with its 100 sources (about 27 kB, the size the pipeline benchmark's views have) through
 * the contracts' mapper: the notifier writes one per changed event per transaction, under its counterpart locks, and
 * a profile of a warm notifier gave it 16 % of the samples. Compares Jackson's String path with its byte path, and
 * with the notifier's {@code EventViews.json}, which writes the JSON of a kept source once (as for an event whose
 * next version carries the same 100 sources).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ViewJsonThroughput {

    private AgreementEvent view;
    private AgreementEventEntity event;
    private List<EventSourceEntity> kept;

    @Setup
    public void setUp() {
        List<EventSource> sources = new ArrayList<>();
        Instant start = Instant.parse("2024-06-13T09:00:00Z");
        for (int i = 0; i < AgreementEvent.MAX_SOURCES; i++) {
            sources.add(new EventSource("a" + Integer.toHexString(0x5f3759df * (i + 1)) + "-0000-4000-8000-" + (100_000_000_000L + i),
                    "Outlet " + (i % 17), "https://news" + (i % 17) + ".example.org/world/2024/06/13/security-agreement-" + i,
                    "Ukraine and partner " + i + " sign a ten-year security agreement at the G7 summit in Apulia",
                    start.plusSeconds(97L * i),
                    "The leaders’ signing on Thursday follows the fourth round of talks in May; the text commits "
                            + "both sides to consultations within 24 hours of a renewed attack (item " + i + ")."));
        }
        view = new AgreementEvent("ev-ua-us-signed-2024-06-13", 42, ChangeKind.CORROBORATED, "ua-bilateral-security", "US",
                "United States", EventType.SIGNED, null, LocalDate.parse("2024-06-13"), 212, "ev-ua-us-planned",
                start.minusSeconds(86_400), start.plusSeconds(10_000), sources);
        event = new AgreementEventEntity();
        event.id = view.eventId();
        event.version = view.version();
        event.trackerId = view.trackerId();
        event.counterpart = view.counterpart();
        event.counterpartName = view.counterpartName();
        event.type = view.type();
        event.eventDate = view.date();
        event.corroboration = view.corroboration();
        event.linkedEventId = view.linkedEventId();
        event.firstReportedAt = view.firstReportedAt();
        event.updatedAt = view.updatedAt();
        kept = sources.stream().map(s -> {
            EventSourceEntity e = new EventSourceEntity();
            e.eventId = event.id;
            e.articleId = s.articleId();
            e.feedName = s.feedName();
            e.url = s.url();
            e.title = s.title();
            e.publishedAt = s.publishedAt();
            e.evidence = s.evidence();
            return e;
        }).toList();
        String asString = viaString();
        if (!asString.equals(viaBytes()) || !asString.equals(viaKeptSources())) {
            throw new IllegalStateException("the paths differ");
        }
        System.out.printf("%nview: %,d characters%n", asString.length());
    }

    @Benchmark
    public String viaString() {
        try {
            return Json.mapper().writeValueAsString(view);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new version of an event whose sources were kept: the view built and written from their JSON. */
    @Benchmark
    public String viaKeptSources() {
        return EventViews.json(EventViews.of(event, ChangeKind.CORROBORATED, kept), kept);
    }

    /** The same view built from the kept sources and written whole, as before {@code EventViews.json}. */
    @Benchmark
    public String viaKeptSourcesWrittenWhole() {
        return Json.write(EventViews.of(event, ChangeKind.CORROBORATED, kept));
    }

    @Benchmark
    public String viaBytes() {
        try {
            return new String(Json.mapper().writeValueAsBytes(view), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

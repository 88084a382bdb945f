package io.pactwatch.notifier.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventViewsTest {

    static AgreementEventEntity event(int reports) {
        AgreementEventEntity e = new AgreementEventEntity();
        e.id = "e1";
        e.version = reports;
        e.trackerId = "t";
        e.counterpart = "US";
        e.counterpartName = "United States";
        e.type = EventType.SIGNED;
        e.eventDate = LocalDate.parse("2024-06-13");
        e.corroboration = reports;
        e.firstReportedAt = Instant.EPOCH;
        e.updatedAt = Instant.EPOCH;
        return e;
    }

    static EventSourceEntity source(int i, String text) {
        EventSourceEntity s = new EventSourceEntity();
        s.eventId = "e1";
        s.articleId = "a" + i;
        s.url = "https://outlet" + i + ".example/a";
        s.title = text;
        s.evidence = text;
        s.publishedAt = Instant.EPOCH.plusSeconds(i);
        return s;
    }

    @Test
    void anEventReportedThousandsOfTimesCarriesItsEarliestHundredSourcesAndCountsThemAll() {
        List<EventSourceEntity> sources = IntStream.range(0, 3000).mapToObj(i -> source(i, "A sentence of evidence " + "x".repeat(300))).toList();
        AgreementEvent view = EventViews.of(event(3000), ChangeKind.CORROBORATED, sources);
        assertEquals(AgreementEvent.MAX_SOURCES, view.sources().size());
        assertEquals("a0", view.sources().get(0).articleId());
        assertEquals("a99", view.sources().get(99).articleId());
        assertEquals(3000, view.corroboration());
        assertTrue(Json.write(view).length() < 1024 * 1024 / 4, "well under a Kafka record's 1 MiB");
    }

    @Test
    void longTitlesAndEvidenceAreCutAtTheContractsLimit() {
        String huge = "Ukraine and the United States signed. " + "y".repeat(500_000);
        AgreementEvent view = EventViews.of(event(1), ChangeKind.NEW, List.of(source(0, huge)));
        assertEquals(AgreementEvent.MAX_SOURCE_TEXT, view.sources().get(0).title().length());
        assertTrue(view.sources().get(0).evidence().endsWith("…"));
        assertEquals("short", EventViews.cut("short"));
        assertNull(EventViews.cut(null));
        String emoji = "a".repeat(AgreementEvent.MAX_SOURCE_TEXT - 2) + "🇺🇸🇺🇸";
        assertTrue(Character.isHighSurrogate(emoji.charAt(AgreementEvent.MAX_SOURCE_TEXT - 2)));
        String cut = EventViews.cut(emoji);
        assertTrue(!Character.isHighSurrogate(cut.charAt(cut.length() - 2)), "never half a surrogate pair: " + cut.length());
    }

    @Test
    void aViewsJsonIsWhatJacksonWritesWithEachSourceWrittenOnce() {
        String awkward = "Ukraine \"and\" the U.S. \\ signed\n\u00e0 \u2014 \u0001 </script> 🇺🇦 " + "z".repeat(1500);
        List<EventSourceEntity> sources = new java.util.ArrayList<>(IntStream.range(0, 150)
                .mapToObj(i -> source(i, i % 3 == 0 ? awkward + i : "title " + i)).toList());
        sources.get(1).title = null;
        sources.get(2).publishedAt = null;
        sources.get(4).feedName = "Kyiv Independent";
        AgreementEventEntity event = event(150);
        event.round = 4;
        event.linkedEventId = "e0";
        for (int n : new int[] {0, 1, 2, 99, 100, 150}) {
            AgreementEvent view = EventViews.of(event, ChangeKind.CORROBORATED, sources.subList(0, n));
            assertEquals(Json.write(view), EventViews.json(view, sources.subList(0, n)), n + " sources");
        }
        String first = sources.get(0).inViewJson();
        EventViews.json(EventViews.of(event(2), ChangeKind.NEW, sources.subList(0, 2)), sources.subList(0, 2));
        assertTrue(first == sources.get(0).inViewJson(), "a source's JSON is written once");
    }

    @Test
    void aViewNotBuiltFromTheGivenSourcesIsWrittenWhole() {
        List<EventSourceEntity> sources = List.of(source(0, "zero"), source(1, "one"));
        AgreementEvent view = EventViews.of(event(2), ChangeKind.NEW, sources);
        List<EventSourceEntity> others = List.of(source(0, "zero"), source(1, "another title"));
        assertEquals(Json.write(view), EventViews.json(view, others));
        assertEquals(Json.write(view), EventViews.json(view, sources.subList(0, 1)));
    }
}

package io.pactwatch.notifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorableRecordTest {

    static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

    static ClassifiedArticle article(String url, String title, boolean relevant, List<ExtractedEvent> events) {
        return new ClassifiedArticle("a1", 1, "wire", url, title, null, AT, relevant, 1.0, "v1", AT,
                List.of(new TrackerVerdict("ua-security-agreements", relevant, 1.0, events)));
    }

    static ExtractedEvent event(EventType type, String counterpart, LocalDate date) {
        return new ExtractedEvent(counterpart, "Norway", type, 2, date, Certainty.values()[0], 1.0, null);
    }

    @Test
    void aCompleteRelevantRecordIsStorable() {
        assertNull(StorableRecord.problem(article("https://x.example/1", "Talks",
                true, List.of(event(EventType.ROUND, "NO", LocalDate.of(2026, 11, 20))))));
    }

    @Test
    void anIrrelevantRecordNeedsOnlyItsIdAndDate() {
        assertNull(StorableRecord.problem(article(null, null, false, List.of())));
        assertEquals("classified article without articleId or publishedAt", StorableRecord.problem(
                new ClassifiedArticle("a1", 1, null, null, null, null, null, false, 0, null, null, null)));
    }

    @Test
    void aRelevantRecordWithoutUrlOrTitleIsRejected() {
        assertTrue(StorableRecord.problem(article(null, "Talks", true, List.of())).contains("without url"));
        assertTrue(StorableRecord.problem(article(" ", "Talks", true, List.of())).contains("without url"));
        assertTrue(StorableRecord.problem(article("https://x.example/1", null, true, List.of())).contains("without title"));
    }

    @Test
    void anEventWithoutTypeCounterpartOrDateIsRejected() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        for (ExtractedEvent broken : List.of(event(null, "NO", day), event(EventType.SIGNED, null, day),
                event(EventType.SIGNED, "NO", null))) {
            assertTrue(StorableRecord.problem(article("https://x.example/1", "Talks", true, List.of(broken)))
                    .contains("event without"), String.valueOf(broken));
        }
    }
}

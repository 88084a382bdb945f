package io.pactwatch.notifier.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pactwatch.contracts.AgreementEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ViewSourcesCacheTest {

    /** A source with a database id and a publication time (null: unknown, sorted last). */
    static EventSourceEntity source(long id, Long publishedSecond) {
        EventSourceEntity s = EventViewsTest.source((int) id, "t" + id);
        s.id = id;
        s.publishedAt = publishedSecond == null ? null : Instant.EPOCH.plusSeconds(publishedSecond);
        return s;
    }

    static List<Long> ids(List<EventSourceEntity> sources) {
        return sources.stream().map(s -> s.id).toList();
    }

    @Test
    void anEntryIsUsedOnlyForTheVersionItWasWrittenFor() {
        ViewSourcesCache cache = new ViewSourcesCache();
        cache.put("e1", 4, List.of(source(1, 10L)));
        assertEquals(List.of(1L), ids(cache.at("e1", 4)));
        assertNull(cache.at("e1", 3), "an older version (another replica's or a rolled-back change) is not this entry");
        assertNull(cache.at("e1", 5), "a newer version changed elsewhere is not this entry");
        assertNull(cache.at("e2", 4));
    }

    @Test
    void theLeastRecentlyUsedEventsAreDroppedBeyondTheCap() {
        ViewSourcesCache cache = new ViewSourcesCache();
        cache.put("kept", 1, List.of());
        for (int i = 0; i < ViewSourcesCache.MAX_EVENTS; i++) {
            cache.put("e" + i, 1, List.of());
            assertNotNull(cache.at("kept", 1), "used, so not the eldest");
        }
        assertEquals(ViewSourcesCache.MAX_EVENTS, cache.size());
        assertNull(cache.at("e0", 1), "the least recently used entry went");
    }

    @Test
    void mergingGivesTheEarliestSourcesOfAllInTheDatabasesOrder() {
        Random random = new Random(11);
        List<EventSourceEntity> all = new ArrayList<>();
        for (long id = 1; id <= 260; id++) {
            // some share a publication time (then the id decides), some have none (they go last)
            all.add(source(id, id % 17 == 0 ? null : (long) random.nextInt(120)));
        }
        List<EventSourceEntity> expected = all.stream().sorted(EventViews.OLDEST_SOURCE_FIRST)
                .limit(AgreementEvent.MAX_SOURCES).toList();

        // the first 180 were attached before (the cache holds their earliest 100), the rest arrive in batches
        List<EventSourceEntity> earliest = all.subList(0, 180).stream().sorted(EventViews.OLDEST_SOURCE_FIRST)
                .limit(AgreementEvent.MAX_SOURCES).toList();
        for (int from = 180; from < all.size(); from += 20) {
            List<EventSourceEntity> batch = new ArrayList<>(all.subList(from, from + 20));
            Collections.shuffle(batch, random);
            earliest = ViewSourcesCache.merge(earliest, batch);
        }
        assertEquals(ids(expected), ids(earliest));
    }

    @Test
    void aFewSourcesAreAllKeptInOrder() {
        List<EventSourceEntity> merged = ViewSourcesCache.merge(List.of(source(2, 5L), source(3, null)),
                List.of(source(9, 1L), source(7, 5L)));
        assertEquals(List.of(9L, 2L, 7L, 3L), ids(merged));
        assertEquals(4, IntStream.range(0, merged.size()).count());
    }
}

package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the contract view of a stored event: its state plus its earliest sources, at most
 * {@link AgreementEvent#MAX_SOURCES}, so a view's size and cost do not grow with the number of reports.
 */
public final class EventViews {

    /** The order of the query's {@code ORDER BY published_at, id} (PostgreSQL puts NULLs last in ascending order). */
    static final Comparator<EventSourceEntity> OLDEST_SOURCE_FIRST = Comparator
            .comparing((EventSourceEntity s) -> s.publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.id);

    private EventViews() {
    }

    public static Uni<AgreementEvent> load(AgreementEventEntity e, ChangeKind change) {
        return earliestSources(List.of(e.id)).map(byEvent -> of(e, change, byEvent.getOrDefault(e.id, List.of())));
    }

    /**
     * The earliest {@link AgreementEvent#MAX_SOURCES} sources of each event, oldest first, in one query that reads at
     * most that many rows per event (index {@code event_source_earliest}), however many reports an event has.
     * Read-only: the sources are not dirty-checked at the end of the caller's transaction.
     */
    public static Uni<Map<String, List<EventSourceEntity>>> earliestSources(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT s.* FROM agreement_event e"
                + " CROSS JOIN LATERAL (SELECT * FROM event_source x WHERE x.event_id = e.id"
                + " ORDER BY x.published_at, x.id LIMIT " + AgreementEvent.MAX_SOURCES + ") s WHERE e.id IN (:ids)",
                EventSourceEntity.class).setParameter("ids", eventIds).setReadOnly(true).getResultList())
                .map(sources -> {
                    Map<String, List<EventSourceEntity>> byEvent = new HashMap<>();
                    sources.stream().sorted(OLDEST_SOURCE_FIRST)
                            .forEach(s -> byEvent.computeIfAbsent(s.eventId, id -> new ArrayList<>()).add(s));
                    return byEvent;
                });
    }

    /** @param sources the event's sources, oldest first (only the first {@link AgreementEvent#MAX_SOURCES} are used) */
    public static AgreementEvent of(AgreementEventEntity e, ChangeKind change, List<EventSourceEntity> sources) {
        return new AgreementEvent(e.id, e.version, change, e.trackerId, e.counterpart, e.counterpartName, e.type,
                e.round, e.eventDate, e.corroboration, e.linkedEventId, e.firstReportedAt, e.updatedAt,
                sources.stream().limit(AgreementEvent.MAX_SOURCES).map(s -> new EventSource(s.articleId, s.feedName,
                        s.url, cut(s.title), s.publishedAt, cut(s.evidence))).toList());
    }

    static String cut(String text) {
        if (text == null || text.length() <= AgreementEvent.MAX_SOURCE_TEXT) {
            return text;
        }
        int end = AgreementEvent.MAX_SOURCE_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}

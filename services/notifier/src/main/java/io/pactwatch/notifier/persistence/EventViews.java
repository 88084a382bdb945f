package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventSource;
import io.pactwatch.contracts.Json;
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

    /** How the view's JSON ends when it carries no source: sources is the contract's last field. */
    private static final String EMPTY_SOURCES = "\"sources\":[]}";

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
                sources.stream().limit(AgreementEvent.MAX_SOURCES).map(EventSourceEntity::inView).toList());
    }

    /**
     * The text {@code Json.write(view)} gives, with each source's JSON written once per source instead of once per
     * version: a view of an event with many reports is mostly sources it carried before, and serialising them again
     * was about a seventh of the notifier's profile samples in the pipeline benchmark (half as fast, by JMH). Falls
     * back to {@code Json.write(view)} when the view was not built by {@link #of} from these sources.
     *
     * @param sources the sources the view was built from, oldest first
     */
    public static String json(AgreementEvent view, List<EventSourceEntity> sources) {
        List<EventSource> carried = view.sources();
        if (carried.size() != Math.min(sources.size(), AgreementEvent.MAX_SOURCES)) {
            return Json.write(view);
        }
        int sourcesLength = carried.size(); // the commas and brackets between and around them
        for (int i = 0; i < carried.size(); i++) {
            if (carried.get(i) != sources.get(i).inView()) {
                return Json.write(view);
            }
            sourcesLength += sources.get(i).inViewJson().length();
        }
        String head = Json.write(new AgreementEvent(view.eventId(), view.version(), view.change(), view.trackerId(),
                view.counterpart(), view.counterpartName(), view.type(), view.round(), view.date(),
                view.corroboration(), view.linkedEventId(), view.firstReportedAt(), view.updatedAt(), List.of()));
        if (!head.endsWith(EMPTY_SOURCES)) {
            return Json.write(view);
        }
        StringBuilder json = new StringBuilder(head.length() + sourcesLength)
                .append(head, 0, head.length() - EMPTY_SOURCES.length()).append("\"sources\":[");
        for (int i = 0; i < carried.size(); i++) {
            json.append(i == 0 ? "" : ",").append(sources.get(i).inViewJson());
        }
        return json.append("]}").toString();
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

package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventSource;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Builds the contract view of a stored event: its state plus its earliest sources, at most
 * {@link AgreementEvent#MAX_SOURCES}, so a view's size and cost do not grow with the number of reports.
 */
public final class EventViews {

    private static final Sort OLDEST_FIRST = Sort.by("publishedAt").and("id");

    private EventViews() {
    }

    public static Uni<AgreementEvent> load(AgreementEventEntity e, ChangeKind change) {
        return EventSourceEntity.<EventSourceEntity>find("eventId", OLDEST_FIRST, e.id)
                .page(Page.ofSize(AgreementEvent.MAX_SOURCES)).list().map(sources -> of(e, change, sources));
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

package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventSource;
import io.smallrye.mutiny.Uni;
import io.quarkus.panache.common.Sort;
import java.util.List;

/** Builds the contract view of a stored event (state plus every source, oldest first). */
public final class EventViews {

    private EventViews() {
    }

    public static Uni<AgreementEvent> load(AgreementEventEntity e, ChangeKind change) {
        return EventSourceEntity.<EventSourceEntity>find("eventId", Sort.by("publishedAt").and("id"), e.id).list()
                .map(sources -> of(e, change, sources));
    }

    public static AgreementEvent of(AgreementEventEntity e, ChangeKind change, List<EventSourceEntity> sources) {
        return new AgreementEvent(e.id, e.version, change, e.trackerId, e.counterpart, e.counterpartName, e.type,
                e.round, e.eventDate, e.corroboration, e.linkedEventId, e.firstReportedAt, e.updatedAt,
                sources.stream().map(s -> new EventSource(s.articleId, s.feedName, s.url, s.title, s.publishedAt,
                        s.evidence)).toList());
    }
}

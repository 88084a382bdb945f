package io.pactwatch.notifier.persistence;

import io.pactwatch.notifier.domain.dashboard.TimelineEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The reads behind the dashboard pages: every event as a {@link TimelineEvent}, and the subscriptions list. */
@ApplicationScoped
public class DashboardReads {

    /** An upper bound on events drawn at once; a tracker produces tens of events a year, not thousands. */
    public static final int MAX_EVENTS = 5000;

    public Uni<List<TimelineEvent>> events() {
        return Panache.withSession(() -> AgreementEventEntity.<AgreementEventEntity>findAll(
                Sort.by("eventDate").and("createdAt")).page(Page.ofSize(MAX_EVENTS)).list())
                .map(rows -> rows.stream().map(e -> new TimelineEvent(e.id, e.trackerId, e.counterpart, e.counterpartName,
                        e.type, e.round, e.eventDate, e.corroboration)).toList());
    }

    public Uni<List<SubscriptionEntity>> subscriptions() {
        return Panache.withSession(() -> SubscriptionEntity.<SubscriptionEntity>listAll(Sort.by("id")));
    }
}

package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.EventIdentityRules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Turns a batch of classified articles (one poll of one partition, in order) into event-store changes in one
 * transaction: the article revisions, each reported event created or corroborated (planned and signed linked), one
 * new version per changed event in the event outbox, and one delivery per matching subscription. The outcome is the
 * one of storing the articles one by one; a batch only costs a few statements instead of a dozen per article. Natural
 * keys make a redelivered or re-classified article change nothing.
 */
@ApplicationScoped
public class EventStore {

    private final EventIdentityRules rules;
    private final DeliveryPlanner deliveries;
    private final ViewSourcesCache viewSources;

    public EventStore(NotifierConfig config, DeliveryPlanner deliveries, ViewSourcesCache viewSources) {
        this.rules = new EventIdentityRules(config.roundWindowDays());
        this.deliveries = deliveries;
        this.viewSources = viewSources;
    }

    /**
     * What a stored batch changed: the new event versions (empty when nothing changed) and whether an alert became due
     * to be sent now. Known only after the transaction committed.
     */
    public record Stored(List<AgreementEvent> changes, boolean alertsDue) {
        static final Stored NOTHING = new Stored(List.of(), false);
    }

    /** A committed batch's outcome, and the sources its views were built from (for {@link ViewSourcesCache}). */
    private record Written(Stored stored, List<AgreementEventEntity> events, Map<String, List<EventSourceEntity>> sources) {
        static final Written NOTHING = new Written(Stored.NOTHING, List.of(), Map.of());
    }

    /** One event reported by one article, under one tracker. */
    record Report(ClassifiedArticle article, String trackerId, ExtractedEvent event) {
    }

    public Uni<Stored> store(ClassifiedArticle article) {
        return store(List.of(article));
    }

    /** Stores the articles in their order; irrelevant ones change nothing. */
    public Uni<Stored> store(List<ClassifiedArticle> articles) {
        List<ClassifiedArticle> relevant = articles.stream().filter(ClassifiedArticle::relevant).toList();
        if (relevant.isEmpty()) {
            return Uni.createFrom().item(Stored.NOTHING);
        }
        List<Report> reports = relevant.stream().flatMap(a -> distinctEvents(a).stream()).toList();
        List<String> counterparts = reports.stream()
                .map(r -> EventChanges.counterpartKey(r.trackerId(), r.event().counterpart())).distinct().toList();
        if (reports.isEmpty()) { // relevant articles that name no event: stored, nothing to decide
            return Panache.withTransaction(() -> storeArticles(relevant)).replaceWith(Stored.NOTHING);
        }
        // Flushed where a query needs this batch's rows (before the views' sources are read and held alerts are
        // released) and at commit, not before every query: each flush walks every entity of the session, and the
        // automatic ones were a quarter of the notifier's allocations in a replay.
        return Panache.withTransaction(() -> Panache.getSession().invoke(session -> session.setFlushMode(FlushMode.COMMIT))
                .chain(() -> lockCounterparts(counterparts))
                .chain(() -> storeArticles(relevant))
                .chain(() -> loadChanges(reports, counterparts))
                .chain(this::write))
                .invoke(written -> written.events().forEach(e -> viewSources.put(e.id, e.version, written.sources().get(e.id))))
                .map(Written::stored);
    }

    /**
     * Serialises decisions about one (tracker, counterpart) across consumer copies and replicas until the transaction
     * ends: two transactions cannot both create a dateless round or both number it, and a planned and a signed event
     * of one counterpart always see each other to link. The batch's locks are taken in one statement, in the order of
     * their lock keys (PostgreSQL evaluates a volatile select list after ORDER BY), so two batches cannot deadlock.
     */
    private static Uni<Void> lockCounterparts(List<String> counterparts) {
        String values = IntStream.range(0, counterparts.size()).mapToObj(i -> "(:c" + i + ")").collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("SELECT pg_advisory_xact_lock(d.h)::text FROM (SELECT DISTINCT hashtext(v.c) AS h"
                    + " FROM (VALUES " + values + ") AS v(c)) AS d ORDER BY d.h", String.class);
            for (int i = 0; i < counterparts.size(); i++) {
                query.setParameter("c" + i, counterparts.get(i));
            }
            return query.getResultList();
        }).replaceWithVoid();
    }

    /** One report per distinct (tracker, counterpart, type, round, date) in the article. */
    static List<Report> distinctEvents(ClassifiedArticle a) {
        Map<String, Report> distinct = new LinkedHashMap<>();
        for (TrackerVerdict v : a.verdicts()) {
            if (!v.relevant()) {
                continue;
            }
            for (ExtractedEvent e : v.events()) {
                String key = v.trackerId() + "|" + e.counterpart() + "|" + e.type() + "|" + e.round() + "|" + e.date();
                distinct.putIfAbsent(key, new Report(a, v.trackerId(), e));
            }
        }
        return new ArrayList<>(distinct.values());
    }

    /** Inserts the article revisions not stored yet (a redelivered or re-read record is stored once). */
    private static Uni<Void> storeArticles(List<ClassifiedArticle> articles) {
        Map<String, ClassifiedArticle> byId = new LinkedHashMap<>();
        articles.forEach(a -> byId.putIfAbsent(ArticleEntity.idOf(a.articleId(), a.revision()), a));
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select a.id from ArticleEntity a where a.id in :ids", String.class)
                .setParameter("ids", byId.keySet()).getResultList()
                .chain(stored -> {
                    Set<String> known = Set.copyOf(stored);
                    Instant now = Instant.now();
                    Object[] fresh = byId.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                            .map(e -> ArticleEntity.of(e.getKey(), e.getValue(), now)).toArray();
                    return persistAll(session, List.of(fresh));
                }));
    }

    /** Loads the counterparts' events and their sources from these articles, then applies the reports in order. */
    private Uni<EventChanges> loadChanges(List<Report> reports, List<String> counterparts) {
        Set<String> trackers = reports.stream().map(Report::trackerId).collect(Collectors.toSet());
        Set<String> names = reports.stream().map(r -> r.event().counterpart()).collect(Collectors.toSet());
        Set<String> articleIds = reports.stream().map(r -> r.article().articleId()).collect(Collectors.toSet());
        return AgreementEventEntity.<AgreementEventEntity>list("trackerId in ?1 and counterpart in ?2", trackers, names)
                .map(events -> events.stream().filter(e -> counterparts.contains(
                        EventChanges.counterpartKey(e.trackerId, e.counterpart))).toList())
                .chain(events -> attachedSources(events, articleIds).map(attached -> {
                    EventChanges changes = new EventChanges(rules, Instant.now(), events, attached);
                    reports.forEach(r -> changes.apply(r.article(), r.trackerId(), r.event()));
                    return changes;
                }));
    }

    private static Uni<Set<String>> attachedSources(List<AgreementEventEntity> events, Set<String> articleIds) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select s.eventId, s.articleId from EventSourceEntity s where s.eventId in :events and s.articleId in :articles",
                Object[].class).setParameter("events", events.stream().map(e -> e.id).toList())
                .setParameter("articles", articleIds).getResultList())
                .map(rows -> rows.stream().map(r -> EventChanges.sourceKey((String) r[0], (String) r[1]))
                        .collect(Collectors.toSet()));
    }

    /** Inserts new events and sources, writes one outbox version per changed event and plans their deliveries. */
    private Uni<Written> write(EventChanges changes) {
        if (changes.changed.isEmpty()) {
            return Uni.createFrom().item(Written.NOTHING);
        }
        List<EventChanges.Change> changed = List.copyOf(changes.changed.values());
        return Panache.getSession().chain(session -> persistAll(session, changes.created)
                .chain(() -> persistAll(session, changes.sources))
                .chain(session::flush)
                .chain(() -> viewSources(changes))
                .chain(sources -> {
                    List<AgreementEvent> views = changed.stream().map(c -> EventViews.of(c.event, c.kind,
                            sources.getOrDefault(c.event.id, List.of()))).toList();
                    Instant now = Instant.now();
                    Object[] outbox = views.stream().map(v -> OutboxEntity.of(v.eventId(), v.version(),
                            EventViews.json(v, sources.getOrDefault(v.eventId(), List.of())), now)).toArray();
                    List<AgreementEvent> reported = IntStream.range(0, changed.size())
                            .filter(i -> changed.get(i).reported).mapToObj(views::get).toList();
                    Map<String, Instant> createdAt = changed.stream()
                            .collect(Collectors.toMap(c -> c.event.id, c -> c.event.createdAt));
                    return persistAll(session, List.of(outbox))
                            .chain(() -> deliveries.plan(reported, createdAt))
                            .chain(due -> deliveries.releaseHeld(changes.numbered).map(released -> due || released))
                            .map(due -> new Written(new Stored(views, due), changed.stream().map(c -> c.event).toList(), sources));
                }));
    }

    /**
     * The earliest sources of each changed event after this batch: a new event's are the batch's; a known event's are
     * its cached ones (when cached for the version it had before the batch) plus the batch's; the rest are read.
     */
    private Uni<Map<String, List<EventSourceEntity>>> viewSources(EventChanges changes) {
        Map<String, List<EventSourceEntity>> added = changes.sources.stream()
                .collect(Collectors.groupingBy(s -> s.eventId));
        Set<String> created = changes.created.stream().map(e -> e.id).collect(Collectors.toSet());
        Map<String, List<EventSourceEntity>> sources = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (EventChanges.Change c : changes.changed.values()) {
            List<EventSourceEntity> fresh = added.getOrDefault(c.event.id, List.of());
            List<EventSourceEntity> before = created.contains(c.event.id) ? List.of() : viewSources.at(c.event.id, c.event.version - 1);
            if (before == null) {
                unknown.add(c.event.id);
            } else {
                sources.put(c.event.id, ViewSourcesCache.merge(before, fresh));
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(sources);
        }
        return EventViews.earliestSources(unknown).map(read -> {
            unknown.forEach(id -> sources.put(id, read.getOrDefault(id, List.of())));
            return sources;
        });
    }

    private static Uni<Void> persistAll(Mutiny.Session session, List<?> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(entities.toArray());
    }
}

package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.EventIdentityRules;
import io.pactwatch.notifier.domain.IdentityDecision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one classified article into event-store changes in one transaction: the article revision, each reported
 * event created or corroborated (planned and signed linked), the new versions in the event outbox, and one delivery
 * per matching subscription. Natural keys make a redelivered or re-classified article change nothing.
 */
@ApplicationScoped
public class EventStore {

    private final EventIdentityRules rules;
    private final DeliveryPlanner deliveries;

    public EventStore(NotifierConfig config, DeliveryPlanner deliveries) {
        this.rules = new EventIdentityRules(config.roundWindowDays());
        this.deliveries = deliveries;
    }

    /**
     * What one stored article changed: the new event versions (empty when nothing changed) and whether an alert became
     * due to be sent now. Known only after the transaction committed.
     */
    public record Stored(List<AgreementEvent> changes, boolean alertsDue) {
        static final Stored NOTHING = new Stored(List.of(), false);
    }

    /** Collects one transaction's changes as they are made. */
    private static final class Changes {
        final List<AgreementEvent> events = new ArrayList<>();
        boolean alertsDue;

        Uni<Void> alertsDue(Uni<Boolean> planned) {
            return planned.invoke(due -> alertsDue |= due).replaceWithVoid();
        }
    }

    public Uni<Stored> store(ClassifiedArticle article) {
        if (!article.relevant()) {
            return Uni.createFrom().item(Stored.NOTHING);
        }
        List<Map.Entry<String, ExtractedEvent>> events = distinctEvents(article);
        return Panache.withTransaction(() -> lockCounterparts(events).chain(() -> storeArticle(article)).chain(() -> {
            Changes changes = new Changes();
            return Multi.createFrom().iterable(events).onItem()
                    .transformToUniAndConcatenate(entry -> apply(article, entry.getKey(), entry.getValue(), changes))
                    .collect().last().map(done -> new Stored(List.copyOf(changes.events), changes.alertsDue));
        }));
    }

    /**
     * Serialises decisions about one (tracker, counterpart) across consumer copies and replicas until the transaction
     * ends: two transactions cannot both create a dateless round or both number it, and a planned and a signed event
     * of one counterpart always see each other to link. All of an article's locks are taken first, in sorted order,
     * so two articles naming the same counterparts cannot deadlock.
     */
    private static Uni<Void> lockCounterparts(List<Map.Entry<String, ExtractedEvent>> events) {
        List<String> families = events.stream().map(e -> e.getKey() + "|" + e.getValue().counterpart()).distinct().sorted()
                .toList();
        return Multi.createFrom().iterable(families).onItem().transformToUniAndConcatenate(family -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:family))::text",
                        String.class).setParameter("family", family).getSingleResult()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> storeArticle(ClassifiedArticle a) {
        String id = ArticleEntity.idOf(a.articleId(), a.revision());
        return ArticleEntity.<ArticleEntity>findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ArticleEntity e = new ArticleEntity();
            e.id = id;
            e.articleId = a.articleId();
            e.revision = a.revision();
            e.feedName = a.feedName();
            e.url = a.url();
            e.title = a.title();
            e.summary = a.summary();
            e.publishedAt = a.publishedAt();
            e.classifierVersion = a.classifierVersion();
            e.score = a.score();
            e.storedAt = Instant.now();
            return e.persist().replaceWithVoid();
        });
    }

    /** One entry per distinct (tracker, counterpart, type, round, date) in the article. */
    static List<Map.Entry<String, ExtractedEvent>> distinctEvents(ClassifiedArticle a) {
        Map<String, Map.Entry<String, ExtractedEvent>> distinct = new LinkedHashMap<>();
        for (TrackerVerdict v : a.verdicts()) {
            if (!v.relevant()) {
                continue;
            }
            for (ExtractedEvent e : v.events()) {
                String key = v.trackerId() + "|" + e.counterpart() + "|" + e.type() + "|" + e.round() + "|" + e.date();
                distinct.putIfAbsent(key, Map.entry(v.trackerId(), e));
            }
        }
        return new ArrayList<>(distinct.values());
    }

    private Uni<Void> apply(ClassifiedArticle a, String trackerId, ExtractedEvent e, Changes changes) {
        return AgreementEventEntity.<AgreementEventEntity>list("trackerId = ?1 and counterpart = ?2 and type = ?3",
                trackerId, e.counterpart(), e.type()).chain(candidates -> {
                    IdentityDecision decision = rules.decide(trackerId, e.counterpart(), e.type(), e.round(), e.date(),
                            candidates.stream().map(AgreementEventEntity::known).toList());
                    if (decision.creates()) {
                        return create(a, trackerId, e, decision.newIdentityKey(), changes);
                    }
                    AgreementEventEntity existing = candidates.stream()
                            .filter(c -> c.id.equals(decision.existingEventId())).findFirst().orElseThrow();
                    return corroborate(a, e, existing, decision.assignRound(), changes);
                });
    }

    private Uni<Void> create(ClassifiedArticle a, String trackerId, ExtractedEvent e, String identityKey,
            Changes changes) {
        Instant now = Instant.now();
        AgreementEventEntity event = new AgreementEventEntity();
        String seed = identityKey != null ? identityKey
                : EventIdentityRules.identityKey(trackerId, e.counterpart(), e.type(), null) + "|" + e.date();
        event.id = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        event.identityKey = identityKey;
        event.trackerId = trackerId;
        event.counterpart = e.counterpart();
        event.counterpartName = e.counterpartName();
        event.type = e.type();
        event.round = e.round();
        event.eventDate = e.date();
        event.corroboration = 1;
        event.version = 1;
        event.firstReportedAt = a.publishedAt();
        event.createdAt = now;
        event.updatedAt = now;
        return event.persist().chain(() -> attach(a, e, event)).chain(() -> linkPartner(event, changes))
                .chain(() -> record(event, ChangeKind.NEW, changes))
                .chain(view -> changes.alertsDue(deliveries.plan(view, event.createdAt)));
    }

    private Uni<Void> corroborate(ClassifiedArticle a, ExtractedEvent e, AgreementEventEntity event, Integer assignRound,
            Changes changes) {
        return EventSourceEntity.count("eventId = ?1 and articleId = ?2", event.id, a.articleId()).chain(count -> {
            if (count > 0) {
                return Uni.createFrom().voidItem();
            }
            if (assignRound != null) {
                event.round = assignRound;
                event.identityKey = EventIdentityRules.identityKey(event.trackerId, event.counterpart, event.type, assignRound);
            }
            event.corroboration++;
            event.version++;
            event.updatedAt = Instant.now();
            if (a.publishedAt().isBefore(event.firstReportedAt)) {
                event.firstReportedAt = a.publishedAt();
            }
            return attach(a, e, event).chain(() -> record(event, ChangeKind.CORROBORATED, changes))
                    .chain(view -> changes.alertsDue(deliveries.plan(view, event.createdAt)))
                    .chain(() -> assignRound != null ? changes.alertsDue(deliveries.releaseHeld(event.id))
                            : Uni.createFrom().voidItem());
        });
    }

    private Uni<Void> attach(ClassifiedArticle a, ExtractedEvent e, AgreementEventEntity event) {
        EventSourceEntity source = new EventSourceEntity();
        source.eventId = event.id;
        source.articleId = a.articleId();
        source.feedName = a.feedName();
        source.url = a.url();
        source.title = a.title();
        source.publishedAt = a.publishedAt();
        source.evidence = e.evidence() == null ? null : e.evidence().sentence();
        source.attachedAt = Instant.now();
        return source.persist().replaceWithVoid();
    }

    /** A new SIGNED links the SIGNING_PLANNED of the same counterpart (and the reverse for a late planned report). */
    private Uni<Void> linkPartner(AgreementEventEntity event, Changes changes) {
        EventType partnerType = EventIdentityRules.linkPartner(event.type);
        if (partnerType == null) {
            return Uni.createFrom().voidItem();
        }
        return AgreementEventEntity.<AgreementEventEntity>find("trackerId = ?1 and counterpart = ?2 and type = ?3",
                event.trackerId, event.counterpart, partnerType).firstResult().chain(partner -> {
                    if (partner == null) {
                        return Uni.createFrom().voidItem();
                    }
                    event.linkedEventId = partner.id;
                    partner.linkedEventId = event.id;
                    partner.version++;
                    partner.updatedAt = Instant.now();
                    return record(partner, ChangeKind.LINKED, changes).replaceWithVoid();
                });
    }

    /** Flushes the entity, builds its contract view and queues it in the outbox. */
    private Uni<AgreementEvent> record(AgreementEventEntity event, ChangeKind change, Changes changes) {
        return Panache.getSession().chain(session -> session.flush()).chain(() -> EventViews.load(event, change))
                .chain(view -> {
                    OutboxEntity row = new OutboxEntity();
                    row.eventId = view.eventId();
                    row.version = view.version();
                    row.payload = Json.write(view);
                    row.createdAt = Instant.now();
                    changes.events.add(view);
                    return row.persist().replaceWith(view);
                });
    }
}

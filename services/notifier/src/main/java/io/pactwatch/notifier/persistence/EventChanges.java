package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.notifier.domain.EventIdentityRules;
import io.pactwatch.notifier.domain.IdentityDecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of articles' reports to the stored events of their counterparts, in memory and in order, with the
 * same outcome as one transaction per article: each report creates an event or corroborates one (numbering a round
 * reported without its number, linking planned and signed), and an article reports an event at most once. What it
 * collects (new events and sources, changed events) is then written by {@link EventStore} in a few statements.
 */
final class EventChanges {

    /** One changed event: its entity (already updated) and what happened to it in this batch. */
    static final class Change {
        final AgreementEventEntity event;
        ChangeKind kind;
        /** Created or corroborated (not only linked): its deliveries are planned again. */
        boolean reported;

        Change(AgreementEventEntity event, ChangeKind kind) {
            this.event = event;
            this.kind = kind;
        }
    }

    private final EventIdentityRules rules;
    private final Instant now;
    /** The events of each (tracker, counterpart) of the batch, oldest first; new ones are appended. */
    private final Map<String, List<AgreementEventEntity>> byCounterpart;
    /** "eventId|articleId" of every source the events already have. */
    private final Set<String> attached;

    final List<AgreementEventEntity> created = new ArrayList<>();
    final List<EventSourceEntity> sources = new ArrayList<>();
    /** Changed events by id, in the order of their first change. */
    final Map<String, Change> changed = new LinkedHashMap<>();
    /** Rounds that learned their number in this batch: their held alerts need not wait any longer. */
    final Set<String> numbered = new LinkedHashSet<>();

    /**
     * @param stored the stored events of the batch's counterparts (any order)
     * @param attachedSources "eventId|articleId" of their sources that name the batch's articles
     */
    EventChanges(EventIdentityRules rules, Instant now, Collection<AgreementEventEntity> stored, Set<String> attachedSources) {
        this.rules = rules;
        this.now = now;
        this.byCounterpart = new LinkedHashMap<>();
        stored.stream().sorted(Comparator.comparing((AgreementEventEntity e) -> e.createdAt).thenComparing(e -> e.id))
                .forEach(e -> byCounterpart.computeIfAbsent(counterpartKey(e.trackerId, e.counterpart), k -> new ArrayList<>()).add(e));
        this.attached = new HashSet<>(attachedSources);
    }

    static String counterpartKey(String trackerId, String counterpart) {
        return trackerId + "|" + counterpart;
    }

    static String sourceKey(String eventId, String articleId) {
        return eventId + "|" + articleId;
    }

    /** Applies one report of an article: creates its event or corroborates the one it names. */
    void apply(ClassifiedArticle a, String trackerId, ExtractedEvent e) {
        List<AgreementEventEntity> family = byCounterpart.computeIfAbsent(counterpartKey(trackerId, e.counterpart()),
                k -> new ArrayList<>());
        List<AgreementEventEntity> candidates = family.stream().filter(c -> c.type == e.type()).toList();
        IdentityDecision decision = rules.decide(trackerId, e.counterpart(), e.type(), e.round(), e.date(),
                candidates.stream().map(AgreementEventEntity::known).toList());
        if (decision.creates()) {
            create(a, trackerId, e, decision.newIdentityKey(), family);
            return;
        }
        AgreementEventEntity existing = candidates.stream().filter(c -> c.id.equals(decision.existingEventId()))
                .findFirst().orElseThrow();
        corroborate(a, e, existing, decision.assignRound());
    }

    private void create(ClassifiedArticle a, String trackerId, ExtractedEvent e, String identityKey,
            List<AgreementEventEntity> family) {
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
        created.add(event);
        attach(a, e, event);
        linkPartner(event, family);
        family.add(event);
        changed(event, ChangeKind.NEW).reported = true;
    }

    private void corroborate(ClassifiedArticle a, ExtractedEvent e, AgreementEventEntity event, Integer assignRound) {
        if (attached.contains(sourceKey(event.id, a.articleId()))) {
            return;
        }
        if (assignRound != null) {
            event.round = assignRound;
            event.identityKey = EventIdentityRules.identityKey(event.trackerId, event.counterpart, event.type, assignRound);
            numbered.add(event.id);
        }
        event.corroboration++;
        event.updatedAt = now;
        if (a.publishedAt().isBefore(event.firstReportedAt)) {
            event.firstReportedAt = a.publishedAt();
        }
        attach(a, e, event);
        changed(event, ChangeKind.CORROBORATED).reported = true;
    }

    private void attach(ClassifiedArticle a, ExtractedEvent e, AgreementEventEntity event) {
        EventSourceEntity source = new EventSourceEntity();
        source.eventId = event.id;
        source.articleId = a.articleId();
        source.feedName = a.feedName();
        source.url = a.url();
        source.title = a.title();
        source.publishedAt = a.publishedAt();
        source.evidence = e.evidence() == null ? null : e.evidence().sentence();
        source.attachedAt = now;
        sources.add(source);
        attached.add(sourceKey(event.id, a.articleId()));
    }

    /** A new SIGNED links the SIGNING_PLANNED of the same counterpart (and the reverse for a late planned report). */
    private void linkPartner(AgreementEventEntity event, List<AgreementEventEntity> family) {
        EventType partnerType = EventIdentityRules.linkPartner(event.type);
        if (partnerType == null) {
            return;
        }
        family.stream().filter(p -> p.type == partnerType).findFirst().ifPresent(partner -> {
            event.linkedEventId = partner.id;
            partner.linkedEventId = event.id;
            partner.updatedAt = now;
            changed(partner, ChangeKind.LINKED);
        });
    }

    /**
     * Records a change. A stored event's version goes up once per batch, as it is published once (version + 1 per
     * publication); an event changed several times in the batch keeps its most telling kind (new, corroborated, linked).
     */
    private Change changed(AgreementEventEntity event, ChangeKind kind) {
        Change change = changed.computeIfAbsent(event.id, id -> {
            if (kind != ChangeKind.NEW) {
                event.version++;
            }
            return new Change(event, kind);
        });
        if (rank(kind) < rank(change.kind)) {
            change.kind = kind;
        }
        return change;
    }

    private static int rank(ChangeKind kind) {
        return switch (kind) {
            case NEW -> 0;
            case CORROBORATED -> 1;
            default -> 2;
        };
    }
}

package io.pactwatch.notifier.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.notifier.domain.EventIdentityRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A batch of reports applied in memory ends as the same events as storing the articles one by one would. */
class EventChangesTest {

    static final String T = "ua-security-agreements";
    static final Instant NOW = Instant.parse("2024-07-01T00:00:00Z");
    final EventIdentityRules rules = new EventIdentityRules(3);

    static ExtractedEvent event(EventType type, Integer round, String date) {
        return new ExtractedEvent("US", "United States", type, round, LocalDate.parse(date), Certainty.CONFIRMED, 0.9,
                new Evidence("Evidence.", 0, 9, "test"));
    }

    static ClassifiedArticle article(String id, String published) {
        return new ClassifiedArticle(id, 1, "wire", "https://wire.example/" + id, "Title " + id, null,
                Instant.parse(published), true, 0.9, "test-1", NOW, List.of(new TrackerVerdict(T, true, 0.9, List.of())));
    }

    EventChanges fresh(List<AgreementEventEntity> stored, Set<String> attached) {
        return new EventChanges(rules, NOW, stored, attached);
    }

    @Test
    void threeReportsOfOneRoundInOneBatchMakeOneEventWithThreeSources() {
        EventChanges changes = fresh(List.of(), Set.of());
        ExtractedEvent round4 = event(EventType.ROUND, 4, "2024-05-06");
        changes.apply(article("a2", "2024-05-06T12:00:00Z"), T, round4);
        changes.apply(article("a1", "2024-05-06T09:00:00Z"), T, round4);
        changes.apply(article("a1", "2024-05-06T09:00:00Z"), T, round4); // redelivered
        changes.apply(article("a3", "2024-05-06T15:00:00Z"), T, round4);

        assertEquals(1, changes.created.size());
        AgreementEventEntity e = changes.created.get(0);
        assertEquals(3, e.corroboration);
        assertEquals(1, e.version, "published once, as its first version");
        assertEquals(Instant.parse("2024-05-06T09:00:00Z"), e.firstReportedAt, "the earliest report");
        assertEquals(List.of("a2", "a1", "a3"), changes.sources.stream().map(s -> s.articleId).toList());
        EventChanges.Change change = changes.changed.get(e.id);
        assertEquals(ChangeKind.NEW, change.kind, "created in this batch, then corroborated: still new");
        assertTrue(change.reported);
    }

    @Test
    void aRoundReportedWithoutItsNumberTakesItWhenANumberedReportFollowsInTheBatch() {
        EventChanges changes = fresh(List.of(), Set.of());
        changes.apply(article("u1", "2024-04-29T10:00:00Z"), T, event(EventType.ROUND, null, "2024-04-29"));
        changes.apply(article("n1", "2024-04-29T11:00:00Z"), T, event(EventType.ROUND, 3, "2024-04-30"));

        assertEquals(1, changes.created.size(), "one round, not two");
        AgreementEventEntity e = changes.created.get(0);
        assertEquals(3, e.round);
        assertEquals(T + "|US|ROUND|3", e.identityKey);
        assertEquals(Set.of(e.id), changes.numbered);
    }

    @Test
    void plannedAndSignedInOneBatchAreLinkedBothWays() {
        EventChanges changes = fresh(List.of(), Set.of());
        changes.apply(article("p1", "2024-06-11T10:00:00Z"), T, event(EventType.SIGNING_PLANNED, null, "2024-06-11"));
        changes.apply(article("s1", "2024-06-13T10:00:00Z"), T, event(EventType.SIGNED, null, "2024-06-13"));

        AgreementEventEntity planned = changes.created.get(0);
        AgreementEventEntity signed = changes.created.get(1);
        assertEquals(signed.id, planned.linkedEventId);
        assertEquals(planned.id, signed.linkedEventId);
        assertEquals(1, planned.version, "created, then linked: published once");
        assertEquals(ChangeKind.NEW, changes.changed.get(planned.id).kind);
    }

    @Test
    void aStoredPlannedEventIsLinkedButNotReportedAgain() {
        AgreementEventEntity planned = stored("planned-1", EventType.SIGNING_PLANNED, null, "2024-06-11");
        EventChanges changes = fresh(List.of(planned), Set.of());
        changes.apply(article("s1", "2024-06-13T10:00:00Z"), T, event(EventType.SIGNED, null, "2024-06-13"));

        assertEquals(changes.created.get(0).id, planned.linkedEventId);
        assertEquals(8, planned.version);
        EventChanges.Change change = changes.changed.get(planned.id);
        assertEquals(ChangeKind.LINKED, change.kind);
        assertTrue(!change.reported, "a link alone plans no delivery");
    }

    @Test
    void anArticleAlreadyAttachedToAStoredEventChangesNothing() {
        AgreementEventEntity round = stored("round-4", EventType.ROUND, 4, "2024-05-06");
        EventChanges changes = fresh(List.of(round), Set.of(EventChanges.sourceKey("round-4", "a1")));
        changes.apply(article("a1", "2024-05-06T09:00:00Z"), T, event(EventType.ROUND, 4, "2024-05-06"));

        assertTrue(changes.changed.isEmpty());
        assertTrue(changes.sources.isEmpty());
        assertEquals(7, round.version);
        assertNull(round.linkedEventId);
    }

    @Test
    void aStoredEventIsCorroboratedOncePerArticle() {
        AgreementEventEntity round = stored("round-4", EventType.ROUND, 4, "2024-05-06");
        EventChanges changes = fresh(List.of(round), Set.of());
        changes.apply(article("b1", "2024-05-07T09:00:00Z"), T, event(EventType.ROUND, 4, "2024-05-06"));
        changes.apply(article("b1", "2024-05-07T09:00:00Z"), T, event(EventType.ROUND, 4, "2024-05-07"));

        assertTrue(changes.created.isEmpty());
        assertEquals(3, round.corroboration);
        assertEquals(8, round.version, "one more publication");
        assertEquals(ChangeKind.CORROBORATED, changes.changed.get("round-4").kind);
    }

    static AgreementEventEntity stored(String id, EventType type, Integer round, String date) {
        AgreementEventEntity e = new AgreementEventEntity();
        e.id = id;
        e.identityKey = round == null ? null : EventIdentityRules.identityKey(T, "US", type, round);
        e.trackerId = T;
        e.counterpart = "US";
        e.counterpartName = "United States";
        e.type = type;
        e.round = round;
        e.eventDate = LocalDate.parse(date);
        e.corroboration = 2;
        e.version = 7;
        e.firstReportedAt = Instant.parse(date + "T08:00:00Z");
        e.createdAt = Instant.parse(date + "T08:00:01Z");
        e.updatedAt = e.createdAt;
        return e;
    }
}

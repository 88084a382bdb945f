package io.pactwatch.notifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One real-world event per identity; dateless rounds merge by date window and take a number when one arrives. */
class EventIdentityRulesTest {

    static final String T = "ua-security-agreements";
    final EventIdentityRules rules = new EventIdentityRules(3);

    static KnownEvent round(String id, Integer n, String date) {
        return new KnownEvent(id, T, "US", EventType.ROUND, n, LocalDate.parse(date));
    }

    @Test
    void numberedRoundMatchesItsNumberOnly() {
        List<KnownEvent> known = List.of(round("r3", 3, "2024-04-29"));
        assertEquals("r3", rules.decide(T, "US", EventType.ROUND, 3, LocalDate.parse("2024-04-30"), known).existingEventId());
        IdentityDecision r4 = rules.decide(T, "US", EventType.ROUND, 4, LocalDate.parse("2024-05-06"), known);
        assertTrue(r4.creates());
        assertEquals(T + "|US|ROUND|4", r4.newIdentityKey());
    }

    @Test
    void lateReportOfAnOlderRoundCreatesThatRound() {
        List<KnownEvent> known = List.of(round("r4", 4, "2024-05-06"));
        assertTrue(rules.decide(T, "US", EventType.ROUND, 3, LocalDate.parse("2024-04-29"), known).creates());
    }

    @Test
    void roundWithoutNumberMergesWithinTheWindowElseCreatesADatelessRound() {
        List<KnownEvent> known = List.of(round("r3", 3, "2024-04-29"), round("r4", 4, "2024-05-06"));
        assertEquals("r3", rules.decide(T, "US", EventType.ROUND, null, LocalDate.parse("2024-04-30"), known).existingEventId());
        assertEquals("r4", rules.decide(T, "US", EventType.ROUND, null, LocalDate.parse("2024-05-05"), known).existingEventId());
        IdentityDecision fresh = rules.decide(T, "US", EventType.ROUND, null, LocalDate.parse("2024-03-01"), known);
        assertTrue(fresh.creates());
        assertNull(fresh.newIdentityKey());
    }

    @Test
    void numberedReportGivesADatelessRoundItsNumber() {
        List<KnownEvent> known = List.of(round("x", null, "2024-04-29"));
        IdentityDecision d = rules.decide(T, "US", EventType.ROUND, 3, LocalDate.parse("2024-04-29"), known);
        assertEquals("x", d.existingEventId());
        assertEquals(3, d.assignRound());
    }

    @Test
    void signingsHappenOncePerCounterpart() {
        KnownEvent signed = new KnownEvent("s", T, "JP", EventType.SIGNED, null, LocalDate.parse("2024-06-13"));
        assertEquals("s", rules.decide(T, "JP", EventType.SIGNED, null, LocalDate.parse("2024-06-14"), List.of(signed)).existingEventId());
        assertEquals(T + "|JP|SIGNED", rules.decide(T, "JP", EventType.SIGNED, null, LocalDate.parse("2024-06-13"), List.of()).newIdentityKey());
        assertEquals(EventType.SIGNING_PLANNED, EventIdentityRules.linkPartner(EventType.SIGNED));
        assertNull(EventIdentityRules.linkPartner(EventType.ROUND));
    }
}

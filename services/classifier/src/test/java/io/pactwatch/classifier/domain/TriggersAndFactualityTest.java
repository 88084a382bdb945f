package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tense, aspect and modality of the triggers; negation, hypotheticals, questions and denials. */
class TriggersAndFactualityTest {

    private static List<EventType> types(String s) {
        return Triggers.find(s.toLowerCase()).stream().map(Trigger::type).distinct().toList();
    }

    @Test
    void tellsPlannedFromDoneSignings() {
        assertEquals(List.of(EventType.SIGNED), types("Japan and US sign pacts with Ukraine"));
        assertEquals(List.of(EventType.SIGNED), types("The agreement was signed on Friday"));
        assertEquals(List.of(EventType.SIGNING_PLANNED), types("The agreement will be signed on June 13"));
        assertEquals(List.of(EventType.SIGNING_PLANNED), types("Biden is expected to sign the accord"));
        assertEquals(List.of(EventType.SIGNING_PLANNED), types("The US is close to signing the deal"));
        assertEquals(List.of(EventType.SIGNING_PLANNED), types("Kyiv is poised to finalize the agreements"));
        assertEquals(List.of(EventType.SIGNING_PLANNED), types("The signing is scheduled for Thursday"));
        assertEquals(List.of(EventType.SIGNED), types("Latvia became the ninth country to sign the agreement"));
        assertEquals(List.of(), types("Kyiv hopes to sign the agreement"));
        assertEquals(List.of(), types("There are signs of progress"));
        assertEquals(List.of(EventType.SIGNED), types("The two leaders put pen to paper in Kyiv"));
        assertEquals(List.of(EventType.SIGNING_PLANNED), types("The leaders will put their signatures on the accord"));
        assertEquals(List.of(EventType.SIGNING_PLANNED), types("Both sides aim to sign the accord at the G7 summit"));
        assertEquals(List.of(), types("Both sides aim to sign the accord eventually"));
    }

    @Test
    void tellsHeldRoundsFromAnnouncedOnesAndOpenings() {
        assertEquals(List.of(EventType.ROUND), types("They held the fourth round of negotiations"));
        assertEquals(List.of(), types("They will hold a fifth round of negotiations next week"));
        assertEquals(List.of(), types("The next round of talks is scheduled for June"));
        assertEquals(List.of(EventType.TALKS_OPENED), types("Talks with the US on security guarantees have begun"));
        assertEquals(List.of(EventType.TALKS_OPENED), types("Ukraine started negotiations with Portugal"));
        assertEquals(List.of(), types("Ukraine will start negotiations with Spain"));
    }

    @Test
    void counterfactualStatementsAreNotEvents() {
        String q = "will washington sign the pact?";
        assertTrue(Factuality.isCounterFactual(q, q.indexOf("sign"), q.indexOf("sign") + 4));
        String neg = "the us has not signed the agreement";
        assertTrue(Factuality.isCounterFactual(neg, neg.indexOf("signed"), neg.indexOf("signed") + 6));
        String hyp = "if washington signs the accord, others follow";
        assertTrue(Factuality.isCounterFactual(hyp, hyp.indexOf("signs"), hyp.indexOf("signs") + 5));
        String den = "reports that the deal was signed are premature";
        assertTrue(Factuality.isCounterFactual(den, den.indexOf("signed"), den.indexOf("signed") + 6));
        String never = "he would never sign such an agreement";
        assertTrue(Factuality.isCounterFactual(never, never.indexOf("would"), never.indexOf("sign") + 4));
        String ok = "ukraine signed the agreement no later than planned";
        assertFalse(Factuality.isCounterFactual(ok, ok.indexOf("signed"), ok.indexOf("signed") + 6));
        assertTrue(Factuality.isHedged("the us has reportedly signed"));
    }
}

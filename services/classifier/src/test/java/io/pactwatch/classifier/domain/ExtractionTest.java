package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance scenarios of issue #4 on the default tracker, each written for this test. */
class ExtractionTest {

    private static final Classifier CLASSIFIER = ClassifierFactory.bundled();

    private static TrackerVerdict verdict(String title, String content, String published) {
        return CLASSIFIER.classify(new ArticleInput(title, null, content, Instant.parse(published))).verdicts().get(0);
    }

    private static List<String> keys(TrackerVerdict v) {
        return v.events().stream().map(e -> e.counterpart() + " " + e.type() + (e.round() == null ? "" : " " + e.round()))
                .toList();
    }

    @Test
    void backgroundListsOfPastSignatoriesYieldNoSignedEvents() {
        TrackerVerdict v = verdict("Explainer: Ukraine's bilateral security agreements",
                "The U.K., Germany, France, Denmark and Canada have already signed bilateral security agreements with Kyiv. "
                        + "Italy signed its agreement in February. Last year, the G7 promised such accords.",
                "2024-05-20T10:00:00Z");
        assertEquals(List.of(), v.events());
    }

    @Test
    void aMineralsDealIsNotRelevant() {
        TrackerVerdict v = verdict("US and Ukraine sign minerals deal",
                "The United States and Ukraine signed an agreement on Wednesday on a joint fund fed by critical minerals revenue. "
                        + "The deal took months to negotiate.", "2025-04-30T20:00:00Z");
        assertFalse(v.relevant());
        assertEquals(List.of(), v.events());
    }

    @Test
    void aMineralsDealThatMentionsSecurityGuaranteesIsStillNotOurs() {
        TrackerVerdict v = verdict("US and Ukraine sign minerals deal without security guarantees",
                "Ukraine and the United States signed the minerals deal on Wednesday, a document that lacks the security "
                        + "guarantees Kyiv wanted.", "2025-04-30T20:00:00Z");
        assertEquals(List.of(), v.events());
        assertFalse(v.relevant());
    }

    @Test
    void unnamedCountriesAndPreparationsAreNotEvents() {
        TrackerVerdict v = verdict("Kyiv preparing more security agreements",
                "Ukraine is preparing bilateral security agreements with seven more countries, including the U.S. "
                        + "Talks with seven more countries are under way.", "2024-05-02T10:00:00Z");
        assertEquals(List.of(), v.events());
    }

    @Test
    void oneRoundPerCounterpartWithItsOrdinalAndStatedDate() {
        TrackerVerdict v = verdict("Ukraine and US hold fourth round of security agreement talks",
                "Ukraine and the United States held the fourth round of negotiations on the bilateral security agreement on May 6. "
                        + "During the fourth round of talks, Kyiv and Washington discussed the text.", "2024-05-07T06:00:00Z");
        assertEquals(List.of("US ROUND 4"), keys(v));
        assertEquals(LocalDate.of(2024, 5, 6), v.events().get(0).date());
        assertEquals(Certainty.CONFIRMED, v.events().get(0).certainty());
    }

    @Test
    void twoSigningsOfTheSameDayAreBothReported() {
        TrackerVerdict v = verdict("Japan and US sign security pacts with Ukraine",
                "The agreements were signed on the sidelines of the G7 summit in Italy on Thursday.", "2024-06-13T19:00:00Z");
        assertEquals(List.of("JP SIGNED", "US SIGNED"), keys(v).stream().sorted().toList());
        assertTrue(v.events().stream().allMatch(e -> e.date().equals(LocalDate.of(2024, 6, 13))));
    }

    @Test
    void plannedSigningTakesTheAnnouncedDateAndIsExpected() {
        TrackerVerdict v = verdict("Biden and Zelensky to sign security agreement",
                "The security pact between Ukraine and the United States will be signed on June 13, officials said.",
                "2024-06-11T09:00:00Z");
        assertEquals(List.of("US SIGNING_PLANNED"), keys(v));
        ExtractedEvent e = v.events().get(0);
        assertEquals(LocalDate.of(2024, 6, 13), e.date());
        assertEquals(Certainty.EXPECTED, e.certainty());
        assertTrue(e.evidence().rule().startsWith("planned."), e.evidence().rule());
    }

    @Test
    void denialsQuestionsAndHypotheticalsAreNotEvents() {
        assertEquals(List.of(), verdict("Kyiv: reports of a signed US security deal are premature",
                "Reports that Ukraine and the United States signed the security agreement are premature, an official said.",
                "2024-05-24T10:00:00Z").events());
        assertEquals(List.of(), verdict("Will Washington sign a security pact with Ukraine?",
                "If the United States signs the security agreement, others may follow.", "2024-05-24T10:00:00Z").events());
    }

    @Test
    void evidenceOffsetsIndexTheClassifierText() {
        var result = CLASSIFIER.classify(new ArticleInput("<b>Finland signs security pact with Ukraine</b>",
                "<p>Helsinki pledged more aid.</p>", "<p>Finland signed a security agreement with Ukraine on April 3.</p>",
                Instant.parse("2024-04-03T12:00:00Z")));
        for (ExtractedEvent e : result.verdicts().get(0).events()) {
            assertEquals(e.evidence().sentence(), result.text().text().substring(e.evidence().start(), e.evidence().end()));
        }
        assertEquals("Finland signs security pact with Ukraine\nHelsinki pledged more aid.\n"
                + "Finland signed a security agreement with Ukraine on April 3.", result.text().text());
    }

    @Test
    void classificationIsDeterministic() {
        ArticleInput in = new ArticleInput("Ukraine and Norway hold first round of security talks",
                "Ukraine and Norway held the first round of negotiations on a bilateral security agreement on Wednesday.",
                null, Instant.parse("2024-03-14T10:00:00Z"));
        assertEquals(CLASSIFIER.classify(in).verdicts(), CLASSIFIER.classify(in).verdicts());
    }
}

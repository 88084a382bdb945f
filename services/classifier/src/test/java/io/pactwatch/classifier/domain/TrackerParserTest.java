package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracker validation reports every problem; the design is general: the example trade tracker in the docs works. */
class TrackerParserTest {

    private final TrackerParser parser = new TrackerParser(WorldGazetteer.get());

    @Test
    void reportsEveryProblemWithItsField() {
        TrackerValidationException e = assertThrows(TrackerValidationException.class, () -> parser.parse("bad.yaml", """
                id: Bad Id
                subject: {code: XX}
                agreement: {phrases: ["security (agreement"]}
                counterparts: {exclude: [ZZ]}
                events: [ROUND, PARTY]
                """));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("id:"), all);
        assertTrue(all.contains("subject.code: unknown ISO 3166-1 alpha-2 code 'XX'"), all);
        assertTrue(all.contains("agreement.phrases: invalid regular expression"), all);
        assertTrue(all.contains("counterparts.exclude: unknown ISO 3166-1 alpha-2 code 'ZZ'"), all);
        assertTrue(all.contains("events: unknown event type 'PARTY'"), all);
        assertTrue(e.getMessage().startsWith("bad.yaml: "));
    }

    @Test
    void rejectsUnknownFieldsAndDuplicateIds() {
        assertThrows(TrackerValidationException.class, () -> parser.parse("typo.yaml",
                "id: x\nsubject: {code: UA}\nagreement: {phrasez: [a]}\n"));
        String ok = "id: same\nsubject: {code: UA}\nagreement: {phrases: [\"security pact\"]}\n";
        TrackerValidationException e = assertThrows(TrackerValidationException.class,
                () -> ClassifierFactory.fromSources(Map.of("a.yaml", ok, "b.yaml", ok)));
        assertTrue(e.getMessage().contains("duplicate tracker id 'same'"), e.getMessage());
    }

    @Test
    void theTradeTrackerFromTheDocsRunsBesideTheDefault() throws Exception {
        Path docs = Path.of(System.getProperty("pactwatch.repo.root", "../.."), "docs/trackers/uk-free-trade-agreements.yaml");
        String bundled = new String(getClass().getClassLoader()
                .getResourceAsStream("trackers/ua-security-agreements.yaml").readAllBytes());
        Classifier both = ClassifierFactory.fromSources(Map.of("ua.yaml", bundled, "uk.yaml", Files.readString(docs)));
        var result = both.classify(new ArticleInput("Britain and India conclude 14th round of trade talks",
                "The UK and India held the fourteenth round of negotiations on a free trade agreement in New Delhi on Friday. "
                        + "Britain has already signed trade deals with Australia and New Zealand.", null,
                Instant.parse("2024-03-16T10:00:00Z")));
        var uk = result.verdicts().stream().filter(v -> v.trackerId().equals("uk-free-trade-agreements")).findFirst().orElseThrow();
        var ua = result.verdicts().stream().filter(v -> v.trackerId().equals("ua-security-agreements")).findFirst().orElseThrow();
        assertTrue(uk.relevant());
        assertEquals(1, uk.events().size(), uk.events().toString());
        assertEquals("IN", uk.events().get(0).counterpart());
        assertEquals(EventType.ROUND, uk.events().get(0).type());
        assertEquals(14, uk.events().get(0).round());
        assertEquals(List.of(), ua.events());
        assertTrue(!ua.relevant());
    }
}

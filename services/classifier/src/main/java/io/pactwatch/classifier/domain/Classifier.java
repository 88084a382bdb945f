package io.pactwatch.classifier.domain;

import io.pactwatch.contracts.TrackerVerdict;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies an article with every tracker: builds the article text once, segments it per lead setting and
 * collects one verdict per tracker. Immutable and thread-safe; a reload builds a new instance.
 *
 * @param trackers the tracker runners
 * @param version  classifier version: rules version plus a digest of the tracker definitions
 */
public record Classifier(List<TrackerClassifier> trackers, String version) {

    /** Version of the rules in this code; bump it whenever a rule changes what is extracted. */
    public static final String RULES_VERSION = "1.0.0";

    public Classifier {
        trackers = List.copyOf(trackers);
    }

    /** The full result: the text that evidence offsets index and one verdict per tracker. */
    public record Result(ArticleText text, List<TrackerVerdict> verdicts) {

        public boolean relevant() {
            return verdicts.stream().anyMatch(TrackerVerdict::relevant);
        }

        public double score() {
            return verdicts.stream().mapToDouble(TrackerVerdict::score).max().orElse(0.0);
        }
    }

    public Result classify(ArticleInput input) {
        ArticleText text = ArticleText.of(input.title(), input.summary(), input.content());
        LocalDate published = input.publishedAt() == null ? LocalDate.of(1970, 1, 1)
                : input.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        Map<Integer, List<Sentence>> byLead = new HashMap<>();
        List<TrackerVerdict> verdicts = new ArrayList<>(trackers.size());
        for (TrackerClassifier t : trackers) {
            List<Sentence> sentences = byLead.computeIfAbsent(t.tracker().leadSentences(),
                    n -> Discourse.sentences(text, n));
            verdicts.add(t.classify(text, sentences, published));
        }
        return new Result(text, verdicts);
    }
}

package io.pactwatch.classifier.evaluation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.classifier.domain.ClassifierFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluation command: prints precision, recall and F1 on the development corpus and enforces the acceptance
 * floors. Run with {@code ./mvnw -pl services/classifier test -Dtest=CorpusEvaluationTest}.
 */
class CorpusEvaluationTest {

    @Test
    void developmentCorpusMeetsTheFloors() {
        List<CorpusArticle> corpus = Corpus.load();
        Evaluation ev = Evaluation.run(ClassifierFactory.bundled(), "ua-security-agreements", corpus);
        System.out.println(ev.report());
        assertAll(
                () -> assertTrue(corpus.size() >= 150, "corpus has " + corpus.size() + " articles, need 150"),
                () -> assertTrue(ev.relevance.f1() >= 0.97, "relevance F1 " + ev.relevance.f1()),
                () -> assertTrue(ev.events.f1() >= 0.95, "event F1 " + ev.events.f1()),
                () -> assertTrue(ev.roundAccuracy() >= 0.98, "round accuracy " + ev.roundAccuracy()),
                () -> assertTrue(ev.counterpartAccuracy() >= 0.98, "counterpart accuracy " + ev.counterpartAccuracy()));
    }
}

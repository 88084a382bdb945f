package io.pactwatch.classifier.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * One labelled article of the development corpus (see {@code src/test/resources/corpus}).
 *
 * @param id        corpus id
 * @param published publication time
 * @param title     title
 * @param summary   summary, may be null
 * @param content   content, pads already appended
 * @param relevant  gold relevance
 * @param events    gold events
 */
public record CorpusArticle(String id, Instant published, String title, String summary, String content,
        boolean relevant, List<GoldEvent> events) {
}

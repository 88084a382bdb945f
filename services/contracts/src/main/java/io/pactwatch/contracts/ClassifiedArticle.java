package io.pactwatch.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A raw article with the classifier's verdicts: the value of {@link Topics#ARTICLES_CLASSIFIED}, keyed by
 * {@code articleId}. Every article is published, relevant or not.
 *
 * @param articleId         id of the raw article
 * @param revision          revision of the raw article this verdict is about
 * @param feedName          outlet
 * @param url               link to the article
 * @param title             title
 * @param summary           summary as plain text, may be null
 * @param publishedAt       publication time
 * @param relevant          true when at least one tracker found the article relevant
 * @param score             the highest tracker score
 * @param classifierVersion version of the classifier rules that produced the verdict
 * @param classifiedAt      when the verdict was made
 * @param verdicts          one verdict per tracker
 */
public record ClassifiedArticle(
        String articleId,
        int revision,
        String feedName,
        String url,
        String title,
        String summary,
        Instant publishedAt,
        boolean relevant,
        double score,
        String classifierVersion,
        Instant classifiedAt,
        List<TrackerVerdict> verdicts) {

    public ClassifiedArticle {
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }
}

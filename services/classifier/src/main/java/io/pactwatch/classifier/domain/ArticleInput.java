package io.pactwatch.classifier.domain;

import java.time.Instant;

/**
 * What the classifier reads of an article.
 *
 * @param title       title (may hold HTML)
 * @param summary     summary (may hold HTML), may be null
 * @param content     full text (may hold HTML), may be null
 * @param publishedAt publication time, the reference for relative and year-less dates
 */
public record ArticleInput(String title, String summary, String content, Instant publishedAt) {
}

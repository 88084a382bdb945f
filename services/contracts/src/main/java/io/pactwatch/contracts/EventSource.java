package io.pactwatch.contracts;

import java.time.Instant;

/**
 * One article reporting an agreement event.
 *
 * @param articleId   article id
 * @param feedName    outlet
 * @param url         link
 * @param title       title
 * @param publishedAt publication time
 * @param evidence    the sentence that reported the event
 */
public record EventSource(String articleId, String feedName, String url, String title, Instant publishedAt,
        String evidence) {
}

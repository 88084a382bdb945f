package io.pactwatch.classifier.rest;

/**
 * Body of {@code POST /api/classify}: an article as a feed would give it.
 *
 * @param title       title (required, may hold HTML)
 * @param summary     summary (may hold HTML)
 * @param content     full text (may hold HTML)
 * @param url         link, echoed for the caller's bookkeeping
 * @param publishedAt ISO-8601 instant or offset date-time ("2024-05-07T10:00:00Z"), or a date ("2024-05-07");
 *                    reference for relative dates, and the event date when the text states none
 */
public record ClassifyRequest(String title, String summary, String content, String url, String publishedAt) {
}

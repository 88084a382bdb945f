package io.pactwatch.classifier.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code POST /api/classify}: an article as a feed would give it, within caps far above any real article, so
 * one request cannot hold a worker for long (the body itself is capped at 2 MB by {@code quarkus.http.limits}).
 *
 * @param title       title (required, may hold HTML)
 * @param summary     summary (may hold HTML)
 * @param content     full text (may hold HTML)
 * @param url         link, echoed for the caller's bookkeeping
 * @param publishedAt ISO-8601 instant or offset date-time ("2024-05-07T10:00:00Z"), or a date ("2024-05-07");
 *                    reference for relative dates, and the event date when the text states none
 */
public record ClassifyRequest(String title, String summary, String content, String url, String publishedAt) {

    static final int MAX_TITLE = 2_000;
    static final int MAX_SUMMARY = 100_000;
    static final int MAX_CONTENT = 500_000;
    static final int MAX_URL = 2_048;
    static final int MAX_PUBLISHED_AT = 64;

    /** What is wrong with the request, each problem in words; empty when it can be classified. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("title is required");
        }
        tooLong(problems, "title", title, MAX_TITLE);
        tooLong(problems, "summary", summary, MAX_SUMMARY);
        tooLong(problems, "content", content, MAX_CONTENT);
        tooLong(problems, "url", url, MAX_URL);
        tooLong(problems, "publishedAt", publishedAt, MAX_PUBLISHED_AT);
        return problems;
    }

    private static void tooLong(List<String> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(field + " is longer than " + max + " characters (" + value.length() + ")");
        }
    }
}

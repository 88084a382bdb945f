package io.pactwatch.classifier.rest;

import java.time.LocalDate;
import java.util.List;

/**
 * Response of {@code POST /api/classify}: the verdict of the best-scoring tracker at top level, and in
 * {@code verdicts} one object of the same shape per tracker that found the article relevant (all trackers'
 * verdicts when none did).
 */
public record ClassifyResponse(boolean relevant, double score, String trackerId, String classifierVersion,
        List<Event> events, String url, List<Verdict> verdicts) {

    /** One tracker's verdict. */
    public record Verdict(boolean relevant, double score, String trackerId, String classifierVersion,
            List<Event> events) {
    }

    /**
     * One extracted event; {@code evidenceStart}/{@code evidenceEnd} index the classifier's text
     * (title + "\n" + summary + "\n" + content, HTML stripped).
     */
    public record Event(String counterpart, String counterpartName, String type, Integer round, LocalDate date,
            String certainty, double score, String evidence, int evidenceStart, int evidenceEnd, String rule) {
    }
}

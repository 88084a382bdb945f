package io.pactwatch.contracts;

import java.util.List;

/**
 * What one tracker concluded about one article.
 *
 * @param trackerId id of the tracker definition
 * @param relevant  whether the article is news about the tracked agreements
 * @param score     relevance score in [0,1]
 * @param events    the events found (empty when none)
 */
public record TrackerVerdict(String trackerId, boolean relevant, double score, List<ExtractedEvent> events) {

    public TrackerVerdict {
        events = events == null ? List.of() : List.copyOf(events);
    }
}

package io.pactwatch.local;

import io.pactwatch.contracts.Topics;
import java.util.List;

/**
 * A topic the pipeline needs, with its partition count and cleanup policy. The partition count is the ceiling of
 * useful consumer replicas for the topic's consumer group.
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    /** The pipeline's topics as the local stack and the tests create them. */
    public static List<TopicSpec> pipeline() {
        return List.of(
                new TopicSpec(Topics.ARTICLES_RAW, 3, false),
                new TopicSpec(Topics.ARTICLES_CLASSIFIED, 3, false),
                new TopicSpec(Topics.AGREEMENT_EVENTS, 3, true),
                new TopicSpec(Topics.ARTICLES_RAW_DLQ, 1, false),
                new TopicSpec(Topics.ARTICLES_CLASSIFIED_DLQ, 1, false));
    }
}

package io.pactwatch.contracts;

/**
 * The Kafka topic names of the pipeline, kept in one place so producers, consumers, the local stack and the
 * Kubernetes manifests cannot drift apart.
 */
public final class Topics {

    /** Articles as fetched from feeds. Key: article id. */
    public static final String ARTICLES_RAW = "pactwatch.articles.raw";
    /** Every raw article with the classifier's verdict. Key: article id. */
    public static final String ARTICLES_CLASSIFIED = "pactwatch.articles.classified";
    /** Current state of each real-world agreement event. Key: event id. Compacted. */
    public static final String AGREEMENT_EVENTS = "pactwatch.agreement-events";

    /** Suffix of the dead-letter topic of every consumed topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    public static final String ARTICLES_RAW_DLQ = ARTICLES_RAW + DLQ_SUFFIX;
    public static final String ARTICLES_CLASSIFIED_DLQ = ARTICLES_CLASSIFIED + DLQ_SUFFIX;

    private Topics() {
    }

    /** The dead-letter topic that belongs to a consumed topic. */
    public static String deadLetterTopicOf(String topic) {
        return topic + DLQ_SUFFIX;
    }
}

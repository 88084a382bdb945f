package io.pactwatch.contracts;

/**
 * CloudEvents {@code type} and {@code source} attributes written (binary mode, {@code ce_*} headers) on every record,
 * so a consumer can route or audit a record without parsing its value.
 */
public final class CloudEventTypes {

    public static final String RAW_ARTICLE = "io.pactwatch.article.raw.v1";
    public static final String CLASSIFIED_ARTICLE = "io.pactwatch.article.classified.v1";
    public static final String AGREEMENT_EVENT = "io.pactwatch.agreement-event.v1";

    public static final String SOURCE_FEED_POLLER = "/pactwatch/feed-poller";
    public static final String SOURCE_CLASSIFIER = "/pactwatch/classifier";
    public static final String SOURCE_NOTIFIER = "/pactwatch/notifier";

    /**
     * CloudEvents extension attribute on {@link Topics#ARTICLES_CLASSIFIED} records: the value's {@code relevant} flag
     * ({@code true} or {@code false}), so a consumer that wants only relevant articles can pass over the others
     * without parsing them. In binary mode it travels as the {@link #RELEVANT_HEADER} header.
     */
    public static final String RELEVANT_EXTENSION = "relevant";
    public static final String RELEVANT_HEADER = "ce_" + RELEVANT_EXTENSION;

    private CloudEventTypes() {
    }
}

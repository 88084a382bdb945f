package io.pactwatch.classifier.messaging;

/** Channel names of the classifier, shared by the code and {@code application.properties}. */
public final class Channels {

    /** pactwatch.articles.raw, group pactwatch-classifier, poison records to pactwatch.articles.raw.dlq. */
    public static final String RAW_ARTICLES_IN = "raw-articles-in";
    /** pactwatch.articles.classified, keyed by article id, CloudEvents binary. */
    public static final String CLASSIFIED_OUT = "classified-articles-out";

    private Channels() {
    }
}

package io.pactwatch.contracts;

/** How firmly the evidence sentence states the event. */
public enum Certainty {
    /** Stated as fact in the news part of the article. */
    CONFIRMED,
    /** Attributed, hedged or expected ("is expected to", "poised to"). */
    EXPECTED
}

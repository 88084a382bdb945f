package io.pactwatch.contracts;

/** The kinds of real-world step in a negotiation that pactwatch tracks. */
public enum EventType {
    /** Negotiations on an agreement were opened. */
    TALKS_OPENED,
    /** A negotiation round was held (ordinal in {@code round} when stated). */
    ROUND,
    /** A signing is scheduled, expected or close. */
    SIGNING_PLANNED,
    /** The agreement was signed. */
    SIGNED
}

package io.pactwatch.contracts;

/** Why an agreement event was (re)published on {@link Topics#AGREEMENT_EVENTS}. */
public enum ChangeKind {
    /** First report of a real-world event. */
    NEW,
    /** Another report attached as a source; corroboration went up. */
    CORROBORATED,
    /** A planned signing was linked to the signing that followed it (or the reverse). */
    LINKED,
    /** Other fields changed, e.g. a dateless round merged into a numbered one. */
    UPDATED
}

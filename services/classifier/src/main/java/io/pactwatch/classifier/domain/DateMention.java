package io.pactwatch.classifier.domain;

import java.time.LocalDate;

/**
 * A date expression resolved against the publication date.
 *
 * @param first     first day of the period named
 * @param last      last day of the period named
 * @param precision day, month or year
 * @param start     offset in the sentence
 */
public record DateMention(LocalDate first, LocalDate last, Precision precision, int start) {

    /** Granularity of the expression. */
    public enum Precision {
        DAY, MONTH, YEAR
    }

    public boolean isDay() {
        return precision == Precision.DAY;
    }
}

package io.pactwatch.classifier.domain;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.EventType;
import java.time.LocalDate;

/**
 * An event found in one sentence, before the article-level merge.
 *
 * @param place     counterpart
 * @param type      event type
 * @param round     round ordinal or null
 * @param date      event date
 * @param certainty certainty
 * @param score     confidence
 * @param sentence  evidence sentence
 * @param rule      rule that fired
 * @param dated     whether the date was stated in the text
 */
record Candidate(Place place, EventType type, Integer round, LocalDate date, Certainty certainty, double score,
        Sentence sentence, String rule, boolean dated) {
}

package io.pactwatch.contracts;

import java.time.LocalDate;

/**
 * One event the classifier found in one article.
 *
 * @param counterpart     ISO 3166-1 alpha-2 code of the counterpart ("EU" for the European Union)
 * @param counterpartName English short name of the counterpart
 * @param type            event type
 * @param round           round ordinal for {@link EventType#ROUND}, null when the text does not state it
 * @param date            event date from the text, else the publication date
 * @param certainty       how firmly the text states it
 * @param score           confidence in [0,1]
 * @param evidence        the sentence and rule
 */
public record ExtractedEvent(
        String counterpart,
        String counterpartName,
        EventType type,
        Integer round,
        LocalDate date,
        Certainty certainty,
        double score,
        Evidence evidence) {
}

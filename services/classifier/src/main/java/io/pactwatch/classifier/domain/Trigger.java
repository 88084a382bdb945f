package io.pactwatch.classifier.domain;

import io.pactwatch.contracts.EventType;

/**
 * A linguistic pattern for an event type matched in a sentence.
 *
 * @param type  the event type it signals
 * @param rule  name of the rule (reported as evidence)
 * @param start offset of the match in the sentence
 * @param end   end of the match in the sentence
 */
public record Trigger(EventType type, String rule, int start, int end) {
}

package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;

/** The identity-relevant facts of a stored event, as the identity rules compare them. */
public record KnownEvent(String id, String trackerId, String counterpart, EventType type, Integer round, LocalDate date) {
}

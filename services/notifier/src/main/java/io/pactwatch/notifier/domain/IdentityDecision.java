package io.pactwatch.notifier.domain;

/**
 * What a report does to the event store: attach to an existing event (possibly giving a dateless round its number),
 * or create a new event under an identity key (null for a round without number, whose identity is its date window).
 */
public record IdentityDecision(String existingEventId, Integer assignRound, String newIdentityKey) {

    public static IdentityDecision attach(String eventId, Integer assignRound) {
        return new IdentityDecision(eventId, assignRound, null);
    }

    public static IdentityDecision create(String identityKey) {
        return new IdentityDecision(null, null, identityKey);
    }

    public boolean creates() {
        return existingEventId == null;
    }
}

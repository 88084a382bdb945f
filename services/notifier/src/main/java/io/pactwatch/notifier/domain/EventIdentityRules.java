package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps one extracted report to a real-world event. Identity is tracker + counterpart + type, plus the round number
 * for rounds. A round reported without a number is the round of the same counterpart held within the merge window
 * of its date; when a numbered report arrives for such a dateless round, the round takes the number. Talks opened,
 * a planned signing and a signing happen once per tracker and counterpart.
 */
public final class EventIdentityRules {

    private final int roundWindowDays;

    public EventIdentityRules(int roundWindowDays) {
        this.roundWindowDays = roundWindowDays;
    }

    /**
     * @param candidates the stored events of the same tracker, counterpart and type
     */
    public IdentityDecision decide(String trackerId, String counterpart, EventType type, Integer round, LocalDate date,
            List<KnownEvent> candidates) {
        if (type != EventType.ROUND) {
            return candidates.stream().findFirst().map(e -> IdentityDecision.attach(e.id(), null))
                    .orElseGet(() -> IdentityDecision.create(identityKey(trackerId, counterpart, type, null)));
        }
        if (round != null) {
            Optional<KnownEvent> numbered = candidates.stream().filter(e -> round.equals(e.round())).findFirst();
            if (numbered.isPresent()) {
                return IdentityDecision.attach(numbered.get().id(), null);
            }
            Optional<KnownEvent> dateless = closestWithinWindow(candidates.stream().filter(e -> e.round() == null).toList(), date);
            return dateless.map(e -> IdentityDecision.attach(e.id(), round))
                    .orElseGet(() -> IdentityDecision.create(identityKey(trackerId, counterpart, type, round)));
        }
        return closestWithinWindow(candidates, date).map(e -> IdentityDecision.attach(e.id(), null))
                .orElseGet(() -> IdentityDecision.create(null));
    }

    private Optional<KnownEvent> closestWithinWindow(List<KnownEvent> events, LocalDate date) {
        return events.stream().filter(e -> Math.abs(ChronoUnit.DAYS.between(e.date(), date)) <= roundWindowDays)
                .min(Comparator.comparingLong(e -> Math.abs(ChronoUnit.DAYS.between(e.date(), date))));
    }

    /** The unique key of an event whose identity needs no date window. */
    public static String identityKey(String trackerId, String counterpart, EventType type, Integer round) {
        return trackerId + "|" + counterpart + "|" + type + (round == null ? "" : "|" + round);
    }

    /** Which type a newly created event links to (planned ↔ signed), or null. */
    public static EventType linkPartner(EventType type) {
        return switch (type) {
            case SIGNED -> EventType.SIGNING_PLANNED;
            case SIGNING_PLANNED -> EventType.SIGNED;
            default -> null;
        };
    }
}

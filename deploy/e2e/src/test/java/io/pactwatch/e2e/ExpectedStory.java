package io.pactwatch.e2e;

import io.pactwatch.contracts.EventType;
import java.util.List;

/**
 * What the demo timeline (deploy/local demo/timeline.json) is about, written down by hand from the story, not from
 * the system's output: the real-world events, in the order they happen, and how many outlets report each.
 */
final class ExpectedStory {

    /** One real-world event and the number of distinct articles that report it. */
    record Event(EventType type, String counterpart, Integer round, int reports) {

        String key() {
            return type + "/" + counterpart + "/" + (round == null ? "-" : round);
        }
    }

    static final List<Event> EVENTS = List.of(
            new Event(EventType.TALKS_OPENED, "US", null, 2),
            new Event(EventType.SIGNED, "GB", null, 1),
            new Event(EventType.ROUND, "US", 3, 2),
            new Event(EventType.ROUND, "US", 4, 3),
            new Event(EventType.SIGNING_PLANNED, "US", null, 1),
            new Event(EventType.SIGNED, "US", null, 2),
            new Event(EventType.SIGNED, "JP", null, 2));

    /** Items in the timeline, counting the edited item's second version. */
    static final int RAW_RECORDS = 20;

    private ExpectedStory() {
    }

    static List<Event> ofTypes(List<EventType> types) {
        return EVENTS.stream().filter(e -> types.contains(e.type())).toList();
    }
}

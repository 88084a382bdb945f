package io.pactwatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of one real-world event: the value of {@link Topics#AGREEMENT_EVENTS}, keyed by {@code eventId}.
 * The topic is compacted, so reading it from the start yields every event's latest state.
 *
 * @param eventId         stable id of the real-world event
 * @param version         increases by one with every publication of this event
 * @param change          why this version was published
 * @param trackerId       tracker that found it
 * @param counterpart     ISO 3166-1 alpha-2 code ("EU" for the European Union)
 * @param counterpartName English short name
 * @param type            event type
 * @param round           round ordinal, null when no report stated it
 * @param date            event date
 * @param corroboration   number of distinct articles reporting the event
 * @param linkedEventId   for SIGNED the planned-signing event it fulfils, for SIGNING_PLANNED the signing; else null
 * @param firstReportedAt when the first report was published
 * @param updatedAt       when this version was made
 * @param sources         the reports, oldest first: at most {@link #MAX_SOURCES} ({@code corroboration} counts them
 *                        all); titles and evidence longer than {@link #MAX_SOURCE_TEXT} characters are cut
 */
public record AgreementEvent(
        String eventId,
        long version,
        ChangeKind change,
        String trackerId,
        String counterpart,
        String counterpartName,
        EventType type,
        Integer round,
        LocalDate date,
        int corroboration,
        String linkedEventId,
        Instant firstReportedAt,
        Instant updatedAt,
        List<EventSource> sources) {

    /**
     * Most sources one version carries. An event reported thousands of times would otherwise outgrow a Kafka record
     * (1 MiB) and cost every new report the whole list again; the full list is in the notifier's store.
     */
    public static final int MAX_SOURCES = 100;

    /** Longest title or evidence quote, in characters, one source carries in a version. */
    public static final int MAX_SOURCE_TEXT = 1000;

    public AgreementEvent {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}

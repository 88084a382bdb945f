package io.pactwatch.notifier.domain.dashboard;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the dashboard names events: a full label for tables and screen readers ("Round 4", "Round, number not
 * reported"), a short marker text for the timeline ("R4", "R?") and a CSS class per type. A missing round number is
 * shown as unknown, never guessed from its neighbours.
 */
public final class EventLabels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private EventLabels() {
    }

    public static String label(EventType type, Integer round) {
        return switch (type) {
            case TALKS_OPENED -> "Talks opened";
            case ROUND -> round == null ? "Round, number not reported" : "Round " + round;
            case SIGNING_PLANNED -> "Signing planned";
            case SIGNED -> "Signed";
        };
    }

    public static String shortLabel(EventType type, Integer round) {
        return switch (type) {
            case TALKS_OPENED -> "T";
            case ROUND -> round == null ? "R?" : "R" + round;
            case SIGNING_PLANNED -> "P";
            case SIGNED -> "S";
        };
    }

    /** Name of a type in filters and legends. */
    public static String typeName(EventType type) {
        return switch (type) {
            case TALKS_OPENED -> "Talks opened";
            case ROUND -> "Negotiation round";
            case SIGNING_PLANNED -> "Signing planned";
            case SIGNED -> "Signed";
        };
    }

    public static String cssClass(EventType type) {
        return "ev-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}

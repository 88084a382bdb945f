package io.pactwatch.notifier.domain.dashboard;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;
import java.util.List;

/**
 * A laid-out timeline: a shared date axis and, per tracker, one row per counterpart with its events placed on the
 * axis (left offset in percent, stacking level so markers on nearby days do not cover each other).
 */
public record Timeline(LocalDate from, LocalDate to, List<Tick> ticks, List<Lane> lanes) {

    public boolean empty() {
        return lanes.isEmpty();
    }

    /** A date-axis label. */
    public record Tick(LocalDate date, String label, String left) {
    }

    /** One tracker with its counterpart rows. */
    public record Lane(String trackerId, List<Row> rows) {
    }

    /** One counterpart: its events oldest first and the stage it reached. */
    public record Row(String counterpart, String name, String stage, List<Marker> markers) {

        public int levels() {
            return markers.stream().mapToInt(Marker::level).max().orElse(0) + 1;
        }
    }

    /** One event on the axis; {@code left} is a CSS percentage such as "37.50%". */
    public record Marker(String eventId, EventType type, Integer round, LocalDate date, String label, String shortLabel,
            String cssClass, String day, int corroboration, String left, int level) {
    }
}

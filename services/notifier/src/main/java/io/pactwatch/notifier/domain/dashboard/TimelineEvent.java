package io.pactwatch.notifier.domain.dashboard;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;

/** The fields of a stored event the dashboard lays out; kept free of persistence so the layout is unit-testable. */
public record TimelineEvent(String id, String trackerId, String counterpart, String counterpartName, EventType type,
        Integer round, LocalDate date, int corroboration) {

    public String name() {
        return counterpartName == null || counterpartName.isBlank() ? counterpart : counterpartName;
    }
}

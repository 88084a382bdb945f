package io.pactwatch.notifier.rest.web;

import io.pactwatch.contracts.EventType;
import io.pactwatch.notifier.domain.dashboard.EventLabels;
import io.pactwatch.notifier.domain.dashboard.Timeline;
import io.pactwatch.notifier.domain.dashboard.TimelineEvent;
import io.pactwatch.notifier.domain.dashboard.TimelineFilter;
import io.pactwatch.notifier.domain.dashboard.TimelineLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the timeline page renders: the filter form's options, the laid-out timeline and the events table. */
public record DashboardView(List<Option> trackers, List<Option> counterparts, List<Option> types, Timeline timeline,
        List<TableRow> table, int total) {

    /** One choice in a filter; {@code selected} drives both {@code selected} and {@code checked}. */
    public record Option(String value, String label, boolean selected, String cssClass) {
    }

    /** One line of the events table. */
    public record TableRow(String eventId, String date, String day, String trackerId, String counterpart, String label,
            String cssClass, int corroboration) {
    }

    static DashboardView of(List<TimelineEvent> all, TimelineFilter filter) {
        List<TimelineEvent> shown = all.stream().filter(filter::accepts).toList();
        Map<String, String> names = new TreeMap<>();
        all.forEach(e -> names.putIfAbsent(e.counterpart(), e.name()));
        List<Option> counterparts = names.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .map(n -> new Option(n.getKey(), n.getValue(), n.getKey().equalsIgnoreCase(filter.counterpart()), "")).toList();
        List<Option> trackers = all.stream().map(TimelineEvent::trackerId).distinct().sorted()
                .map(t -> new Option(t, t, t.equals(filter.tracker()), "")).toList();
        List<Option> types = Arrays.stream(EventType.values())
                .map(t -> new Option(t.name(), EventLabels.typeName(t), !filter.allTypes() && filter.shows(t),
                        EventLabels.cssClass(t))).toList();
        List<TableRow> table = shown.stream().sorted(Comparator.comparing(TimelineEvent::date).reversed()
                .thenComparing(TimelineEvent::name)).map(e -> new TableRow(e.id(), e.date().toString(),
                        EventLabels.day(e.date()), e.trackerId(), e.name(), EventLabels.label(e.type(), e.round()),
                        EventLabels.cssClass(e.type()), e.corroboration())).toList();
        return new DashboardView(trackers, counterparts, types, TimelineLayout.layout(shown), table, all.size());
    }
}

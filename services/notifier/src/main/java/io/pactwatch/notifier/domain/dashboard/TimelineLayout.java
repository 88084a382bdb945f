package io.pactwatch.notifier.domain.dashboard;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays events out on a time axis for the dashboard: groups them by tracker and counterpart, orders each row by date
 * (then by type order and round), maps dates to percentages of a padded range, stacks markers closer than
 * {@link #MIN_GAP_PERCENT} on separate levels, and picks month, quarter or year ticks from the span.
 */
public final class TimelineLayout {

    /** Markers nearer than this (in percent of the axis) go on the next level. */
    public static final double MIN_GAP_PERCENT = 7.0;
    /** Rows never grow beyond this many levels; further collisions reuse the levels in turn. */
    public static final int MAX_LEVELS = 3;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    static final Comparator<TimelineEvent> CHRONOLOGICAL = Comparator.comparing(TimelineEvent::date)
            .thenComparing(TimelineEvent::type)
            .thenComparing(e -> e.round() == null ? Integer.MAX_VALUE : e.round())
            .thenComparing(TimelineEvent::id);

    private TimelineLayout() {
    }

    public static Timeline layout(List<TimelineEvent> events) {
        List<TimelineEvent> dated = events.stream().filter(e -> e.date() != null).sorted(CHRONOLOGICAL).toList();
        if (dated.isEmpty()) {
            return new Timeline(null, null, List.of(), List.of());
        }
        LocalDate first = dated.get(0).date();
        LocalDate last = dated.get(dated.size() - 1).date();
        long span = Math.max(ChronoUnit.DAYS.between(first, last), 30);
        long pad = Math.max(span / 20, 7);
        LocalDate from = first.minusDays(pad);
        LocalDate to = last.plusDays(pad);

        Map<String, Map<String, List<TimelineEvent>>> byTracker = new TreeMap<>();
        for (TimelineEvent e : dated) {
            byTracker.computeIfAbsent(e.trackerId(), k -> new TreeMap<>())
                    .computeIfAbsent(e.counterpart(), k -> new ArrayList<>()).add(e);
        }
        List<Timeline.Lane> lanes = new ArrayList<>();
        byTracker.forEach((tracker, counterparts) -> {
            List<Timeline.Row> rows = new ArrayList<>();
            counterparts.values().forEach(list -> rows.add(row(list, from, to)));
            rows.sort(Comparator.comparing(Timeline.Row::name, String.CASE_INSENSITIVE_ORDER));
            lanes.add(new Timeline.Lane(tracker, rows));
        });
        return new Timeline(from, to, ticks(from, to), lanes);
    }

    static Timeline.Row row(List<TimelineEvent> events, LocalDate from, LocalDate to) {
        List<Timeline.Marker> markers = new ArrayList<>();
        double[] lastAtLevel = new double[MAX_LEVELS];
        java.util.Arrays.fill(lastAtLevel, Double.NEGATIVE_INFINITY);
        int fallback = 0;
        for (TimelineEvent e : events) {
            double x = percent(e.date(), from, to);
            int level = -1;
            for (int l = 0; l < MAX_LEVELS; l++) {
                if (x - lastAtLevel[l] >= MIN_GAP_PERCENT) {
                    level = l;
                    break;
                }
            }
            if (level < 0) {
                level = fallback;
                fallback = (fallback + 1) % MAX_LEVELS;
            }
            lastAtLevel[level] = x;
            markers.add(new Timeline.Marker(e.id(), e.type(), e.round(), e.date(), EventLabels.label(e.type(), e.round()),
                    EventLabels.shortLabel(e.type(), e.round()), EventLabels.cssClass(e.type()),
                    EventLabels.day(e.date()), e.corroboration(), css(x), level));
        }
        TimelineEvent any = events.get(0);
        return new Timeline.Row(any.counterpart(), any.name(), stage(events), markers);
    }

    /** The furthest step reached: signed, else signing planned, else the latest round, else talks opened. */
    static String stage(List<TimelineEvent> events) {
        if (events.stream().anyMatch(e -> e.type() == EventType.SIGNED)) {
            return "Signed";
        }
        if (events.stream().anyMatch(e -> e.type() == EventType.SIGNING_PLANNED)) {
            return "Signing planned";
        }
        return events.stream().filter(e -> e.type() == EventType.ROUND).max(Comparator.comparing(TimelineEvent::date)
                .thenComparing(e -> e.round() == null ? -1 : e.round()))
                .map(e -> e.round() == null ? "Negotiating" : "Negotiating, round " + e.round())
                .orElse("Talks opened");
    }

    static double percent(LocalDate date, LocalDate from, LocalDate to) {
        long total = Math.max(ChronoUnit.DAYS.between(from, to), 1);
        double p = 100.0 * ChronoUnit.DAYS.between(from, date) / total;
        return Math.max(0, Math.min(100, p));
    }

    static List<Timeline.Tick> ticks(LocalDate from, LocalDate to) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to));
        int step = months <= 12 ? 1 : months <= 36 ? 3 : months <= 120 ? 12 : 60;
        YearMonth m = YearMonth.from(from).plusMonths(1);
        if (step >= 3) {
            // quarters start in Jan/Apr/Jul/Oct, years in January
            while ((m.getMonthValue() - 1) % Math.min(step, 12) != 0) {
                m = m.plusMonths(1);
            }
        }
        List<Timeline.Tick> ticks = new ArrayList<>();
        for (; !m.atDay(1).isAfter(to); m = m.plusMonths(step)) {
            LocalDate d = m.atDay(1);
            String label = step >= 12 ? String.valueOf(d.getYear()) : MONTH.format(d);
            ticks.add(new Timeline.Tick(d, label, css(percent(d, from, to))));
        }
        return ticks;
    }

    static String css(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }
}

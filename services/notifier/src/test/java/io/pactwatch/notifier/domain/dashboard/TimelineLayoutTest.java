package io.pactwatch.notifier.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {

    static TimelineEvent ev(String id, String tracker, String cp, EventType type, Integer round, String date) {
        return new TimelineEvent(id, tracker, cp, cp.equals("US") ? "United States" : cp.equals("JP") ? "Japan" : null,
                type, round, LocalDate.parse(date), 1);
    }

    @Test
    void rowsPerTrackerAndCounterpartWithEventsOldestFirst() {
        Timeline t = TimelineLayout.layout(List.of(
                ev("c", "ua", "US", EventType.ROUND, 2, "2024-03-11"),
                ev("a", "ua", "US", EventType.TALKS_OPENED, null, "2024-01-16"),
                ev("j", "ua", "JP", EventType.SIGNED, null, "2024-06-13"),
                ev("b", "ua", "US", EventType.ROUND, 1, "2024-02-05"),
                ev("x", "other", "FR", EventType.ROUND, 1, "2024-02-01")));
        assertEquals(List.of("other", "ua"), t.lanes().stream().map(Timeline.Lane::trackerId).toList());
        Timeline.Lane ua = t.lanes().get(1);
        assertEquals(List.of("Japan", "United States"), ua.rows().stream().map(Timeline.Row::name).toList());
        Timeline.Row us = ua.rows().get(1);
        assertEquals(List.of("a", "b", "c"), us.markers().stream().map(Timeline.Marker::eventId).toList());
        assertEquals(List.of("T", "R1", "R2"), us.markers().stream().map(Timeline.Marker::shortLabel).toList());
        assertEquals("FR", t.lanes().get(0).rows().get(0).name(), "the code stands in for a missing name");
    }

    @Test
    void positionsFollowTheDatesOnASharedPaddedAxis() {
        Timeline t = TimelineLayout.layout(List.of(
                ev("a", "ua", "US", EventType.TALKS_OPENED, null, "2024-01-01"),
                ev("b", "ua", "US", EventType.SIGNED, null, "2024-12-31"),
                ev("c", "ua", "JP", EventType.ROUND, 1, "2024-07-01")));
        assertTrue(t.from().isBefore(LocalDate.parse("2024-01-01")) && t.to().isAfter(LocalDate.parse("2024-12-31")));
        double first = pct(t.lanes().get(0).rows().get(1).markers().get(0).left());
        double last = pct(t.lanes().get(0).rows().get(1).markers().get(1).left());
        double middle = pct(t.lanes().get(0).rows().get(0).markers().get(0).left());
        assertTrue(first > 0 && first < 10, "first " + first);
        assertTrue(last > 90 && last < 100, "last " + last);
        assertEquals(50.0, middle, 1.0);
    }

    @Test
    void markersOnNearbyDaysStackOnSeparateLevels() {
        Timeline t = TimelineLayout.layout(List.of(
                ev("a", "ua", "US", EventType.ROUND, 1, "2024-01-01"),
                ev("b", "ua", "US", EventType.SIGNING_PLANNED, null, "2024-01-02"),
                ev("c", "ua", "US", EventType.SIGNED, null, "2024-01-03"),
                ev("d", "ua", "US", EventType.ROUND, 2, "2024-12-01")));
        List<Timeline.Marker> m = t.lanes().get(0).rows().get(0).markers();
        assertEquals(0, m.get(0).level());
        assertEquals(1, m.get(1).level());
        assertEquals(2, m.get(2).level());
        assertEquals(0, m.get(3).level(), "far away: back on the first level");
        assertEquals(3, t.lanes().get(0).rows().get(0).levels());
    }

    @Test
    void sameDayEventsAreOrderedByTypeThenRound() {
        Timeline t = TimelineLayout.layout(List.of(
                ev("s", "ua", "US", EventType.SIGNED, null, "2024-06-13"),
                ev("p", "ua", "US", EventType.SIGNING_PLANNED, null, "2024-06-13"),
                ev("r", "ua", "US", EventType.ROUND, 5, "2024-06-13")));
        assertEquals(List.of("r", "p", "s"), t.lanes().get(0).rows().get(0).markers().stream().map(Timeline.Marker::eventId).toList());
    }

    @Test
    void ticksAreMonthsForAShortSpanAndYearsForALongOne() {
        List<Timeline.Tick> months = TimelineLayout.ticks(LocalDate.parse("2024-01-10"), LocalDate.parse("2024-06-20"));
        assertEquals(List.of("Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024"),
                months.stream().map(Timeline.Tick::label).toList());
        List<Timeline.Tick> years = TimelineLayout.ticks(LocalDate.parse("2019-05-01"), LocalDate.parse("2024-02-01"));
        assertEquals(List.of("2020", "2021", "2022", "2023", "2024"), years.stream().map(Timeline.Tick::label).toList());
        List<Timeline.Tick> quarters = TimelineLayout.ticks(LocalDate.parse("2023-02-01"), LocalDate.parse("2024-06-01"));
        assertEquals("Apr 2023", quarters.get(0).label());
        assertTrue(quarters.stream().allMatch(k -> (k.date().getMonthValue() - 1) % 3 == 0));
    }

    @Test
    void stageIsTheFurthestStepReached() {
        assertEquals("Signed", TimelineLayout.stage(List.of(ev("a", "ua", "US", EventType.ROUND, 4, "2024-05-01"),
                ev("b", "ua", "US", EventType.SIGNED, null, "2024-06-01"))));
        assertEquals("Negotiating, round 4", TimelineLayout.stage(List.of(ev("a", "ua", "US", EventType.ROUND, 4, "2024-05-01"),
                ev("b", "ua", "US", EventType.ROUND, 3, "2024-04-01"))));
        assertEquals("Negotiating", TimelineLayout.stage(List.of(ev("a", "ua", "US", EventType.ROUND, null, "2024-05-01"))));
        assertEquals("Talks opened", TimelineLayout.stage(List.of(ev("a", "ua", "US", EventType.TALKS_OPENED, null, "2024-05-01"))));
    }

    @Test
    void noEventsMeansAnEmptyTimelineAndOneDayIsStillAnAxis() {
        assertTrue(TimelineLayout.layout(List.of()).empty());
        Timeline one = TimelineLayout.layout(List.of(ev("a", "ua", "US", EventType.ROUND, 1, "2024-05-01")));
        assertNotEquals(one.from(), one.to());
        assertEquals(50.0, pct(one.lanes().get(0).rows().get(0).markers().get(0).left()), 0.5);
    }

    @Test
    void labelsNeverGuessAMissingRoundNumber() {
        assertEquals("Round 4", EventLabels.label(EventType.ROUND, 4));
        assertEquals("Round, number not reported", EventLabels.label(EventType.ROUND, null));
        assertEquals("R?", EventLabels.shortLabel(EventType.ROUND, null));
        assertEquals("ev-signing-planned", EventLabels.cssClass(EventType.SIGNING_PLANNED));
    }

    static double pct(String css) {
        return Double.parseDouble(css.replace("%", ""));
    }
}

package io.pactwatch.notifier.domain.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters, admin session cookies, feed health wording and target masking of the dashboard. */
class DashboardRulesTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void filtersParseLenientlyAndApply() {
        TimelineFilter all = TimelineFilter.of("", null, List.of("bogus"));
        assertTrue(all.allTypes());
        assertEquals(null, all.tracker());
        TimelineFilter f = TimelineFilter.of("ua", " us ", List.of("round", "SIGNED"));
        assertEquals("US", f.counterpart());
        assertEquals(EnumSet.of(EventType.ROUND, EventType.SIGNED), f.types());
        TimelineEvent round = new TimelineEvent("a", "ua", "US", "United States", EventType.ROUND, 1, LocalDate.parse("2024-01-01"), 1);
        assertTrue(f.accepts(round));
        assertFalse(f.accepts(new TimelineEvent("b", "ua", "US", null, EventType.TALKS_OPENED, null, LocalDate.parse("2024-01-01"), 1)));
        assertFalse(f.accepts(new TimelineEvent("c", "ua", "JP", null, EventType.ROUND, 1, LocalDate.parse("2024-01-01"), 1)));
        assertFalse(f.accepts(new TimelineEvent("d", "other", "US", null, EventType.ROUND, 1, LocalDate.parse("2024-01-01"), 1)));
    }

    @Test
    void adminSessionsAreSignedWithTheTokenAndExpire() {
        String cookie = AdminSession.issue("s3cret-token", NOW, Duration.ofHours(8));
        assertFalse(cookie.contains("s3cret-token"));
        assertTrue(AdminSession.valid(cookie, "s3cret-token", NOW.plusSeconds(3600)));
        assertFalse(AdminSession.valid(cookie, "s3cret-token", NOW.plus(Duration.ofHours(8))), "expired");
        assertFalse(AdminSession.valid(cookie, "rotated-token", NOW), "token rotated");
        String later = cookie.replaceFirst("^\\d+", String.valueOf(NOW.plus(Duration.ofDays(365)).getEpochSecond()));
        assertFalse(AdminSession.valid(later, "s3cret-token", NOW), "expiry cannot be extended");
        assertFalse(AdminSession.valid("garbage", "s3cret-token", NOW));
        assertFalse(AdminSession.valid(null, "s3cret-token", NOW));
        assertFalse(AdminSession.valid(cookie, "", NOW), "no token configured: nobody is signed in");
        assertTrue(AdminSession.tokenMatches(" s3cret-token ", "s3cret-token"));
        assertFalse(AdminSession.tokenMatches("s3cret", "s3cret-token"));
        assertFalse(AdminSession.tokenMatches("", ""));
    }

    static PollerFeed feed(boolean enabled, Instant lastSuccess, int failures, boolean failing, String error) {
        return new PollerFeed(1, "Feed", "https://f.example/rss", 300, enabled, NOW.plusSeconds(90), NOW.minusSeconds(30),
                lastSuccess, 200, error, error == null ? null : NOW.minusSeconds(7200), failures, failing, 3);
    }

    @Test
    void feedHealthIsSaidInWords() {
        FeedHealth ok = FeedHealth.of(feed(true, NOW.minusSeconds(30), 0, false, null), NOW);
        assertEquals("Healthy", ok.status());
        assertEquals("30 s ago", ok.lastSuccess());
        assertEquals("in 1 min", ok.nextPoll());
        assertEquals("none", ok.lastError());
        FeedHealth warn = FeedHealth.of(feed(true, NOW.minusSeconds(86_400 * 2), 1, false, "timeout"), NOW);
        assertEquals("Erroring (1 error)", warn.status());
        assertEquals("2 days ago", warn.lastSuccess());
        assertEquals("timeout (2 h ago)", warn.lastError());
        assertEquals("Failing (5 errors in a row)", FeedHealth.of(feed(true, null, 5, true, "HTTP 500"), NOW).status());
        assertEquals("never", FeedHealth.of(feed(true, null, 5, true, "HTTP 500"), NOW).lastSuccess());
        FeedHealth off = FeedHealth.of(feed(false, null, 0, false, null), NOW);
        assertEquals("Disabled", off.status());
        assertEquals("not scheduled", off.nextPoll());
        assertEquals("Not polled yet", FeedHealth.of(feed(true, null, 0, false, null), NOW).status());
        assertEquals("just now", FeedHealth.relative(NOW, NOW));
        assertEquals("due (overdue by 5 min)", FeedHealth.nextPoll(NOW.minusSeconds(300), NOW));
        assertEquals("due now", FeedHealth.nextPoll(NOW.plusMillis(500), NOW));
        assertEquals("in 20 s", FeedHealth.nextPoll(NOW.plusSeconds(20), NOW));
        assertEquals("HTTP_ERROR: HTTP 401 from http://u:***@feeds.example/x.xml (2 h ago)",
                FeedHealth.of(feed(true, null, 1, false, "HTTP_ERROR: HTTP 401 from http://u:pw@feeds.example/x.xml"), NOW).lastError(),
                "a password an older poller let through is hidden on the page too");
    }

    @Test
    void webhookTargetsAreMaskedAndEmailsShown() {
        assertEquals("https://hooks.slack.com/…XYZ9", TargetMask.show("slack", "https://hooks.slack.com/services/T0/B0/abcXYZ9"));
        assertEquals("http://127.0.0.1:9/…ab12", TargetMask.show("webhook", "http://127.0.0.1:9/hook/ab12"));
        assertEquals("analyst@example.org", TargetMask.show("email", "analyst@example.org"));
        assertEquals("…", TargetMask.show("slack", "not a url at all"));
    }
}

package io.pactwatch.notifier.domain.dashboard;

import io.pactwatch.contracts.UrlRedaction;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a feed's raw health fields into what the feeds page says: a status word (with a CSS class, never colour
 * alone), and times relative to now ("3 min ago", "in 20 s"). The poller already hides passwords of feed URLs in
 * its error texts; they are hidden here again, should an older poller answer.
 */
public record FeedHealth(String status, String cssClass, String lastSuccess, String nextPoll, String lastError) {

    public static FeedHealth of(PollerFeed f, Instant now) {
        String status;
        String css;
        if (!f.enabled()) {
            status = "Disabled";
            css = "st-off";
        } else if (f.failing()) {
            status = "Failing (" + f.consecutiveFailures() + " errors in a row)";
            css = "st-bad";
        } else if (f.consecutiveFailures() > 0) {
            status = "Erroring (" + f.consecutiveFailures() + (f.consecutiveFailures() == 1 ? " error)" : " errors in a row)");
            css = "st-warn";
        } else if (f.lastSuccessAt() == null) {
            status = "Not polled yet";
            css = "st-off";
        } else {
            status = "Healthy";
            css = "st-ok";
        }
        String error = f.lastError() == null ? "none"
                : UrlRedaction.passwordsHidden(f.lastError()) + (f.lastErrorAt() == null ? "" : " (" + relative(f.lastErrorAt(), now) + ")");
        return new FeedHealth(status, css, f.lastSuccessAt() == null ? "never" : relative(f.lastSuccessAt(), now),
                !f.enabled() || f.nextPollAt() == null ? "not scheduled" : nextPoll(f.nextPollAt(), now), error);
    }

    /** A next poll in the past is due, not "ago": the poller picks it up on its next tick. */
    static String nextPoll(Instant at, Instant now) {
        String when = relative(at, now);
        return when.endsWith(" ago") ? "due (overdue by " + when.substring(0, when.length() - 4) + ")"
                : when.equals("just now") ? "due now" : when;
    }

    /** "just now", "42 s ago", "in 5 min", "3 h ago", "2 days ago". */
    public static String relative(Instant then, Instant now) {
        Duration d = Duration.between(now, then);
        boolean future = !d.isNegative();
        long s = Math.abs(d.getSeconds());
        if (s < 2) {
            return "just now";
        }
        String amount = s < 60 ? s + " s" : s < 3600 ? s / 60 + " min" : s < 86_400 ? s / 3600 + " h"
                : s / 86_400 + (s / 86_400 == 1 ? " day" : " days");
        return future ? "in " + amount : amount + " ago";
    }
}

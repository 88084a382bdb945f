package io.pactwatch.notifier.alerts;

import java.time.Duration;

/** The outcome of one send: delivered, worth retrying (maybe after Retry-After), or permanently failed. */
public record SendResult(Outcome outcome, String error, Duration retryAfter) {

    /** What to do next. */
    public enum Outcome { SENT, RETRY, PERMANENT }

    public static SendResult sent() {
        return new SendResult(Outcome.SENT, null, null);
    }

    public static SendResult retry(String error, Duration retryAfter) {
        return new SendResult(Outcome.RETRY, error, retryAfter);
    }

    public static SendResult permanent(String error) {
        return new SendResult(Outcome.PERMANENT, error, null);
    }
}

package io.pactwatch.poller.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to poll a feed next: its interval with jitter after a success (stretched by a feed's {@code <ttl>} or
 * Cache-Control max-age, never beyond a cap), exponential backoff with a cap after failures, and a server's
 * {@code Retry-After} honoured whenever it asks for more time.
 */
public final class PollSchedule {

    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");

    private final double jitterFraction;
    private final Duration maxBackoff;
    private final Duration maxHint;

    public PollSchedule(double jitterFraction, Duration maxBackoff, Duration maxHint) {
        this.jitterFraction = jitterFraction;
        this.maxBackoff = maxBackoff;
        this.maxHint = maxHint;
    }

    /** Next poll after a 200 or 304: interval ± jitter, or later when the feed asked for it (ttl / max-age). */
    public Instant afterSuccess(Instant now, Duration interval, Integer ttlMinutes, String cacheControl) {
        Duration wait = interval;
        Duration hint = hint(ttlMinutes, cacheControl);
        if (hint != null && hint.compareTo(wait) > 0) {
            wait = hint.compareTo(maxHint) > 0 ? maxHint : hint;
        }
        return now.plus(jitter(wait));
    }

    /** Next poll after the {@code failures}-th consecutive failure: interval × 2^(failures-1), capped, or Retry-After. */
    public Instant afterFailure(Instant now, Duration interval, int failures, Duration retryAfter) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
        Duration backoff = interval.multipliedBy(factor);
        if (backoff.compareTo(maxBackoff) > 0) {
            backoff = maxBackoff;
        }
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter;
        }
        return now.plus(retryAfter != null && backoff.equals(retryAfter) ? backoff : jitter(backoff));
    }

    /** Parses Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Duration hint(Integer ttlMinutes, String cacheControl) {
        Duration hint = ttlMinutes == null ? null : Duration.ofMinutes(ttlMinutes);
        if (cacheControl != null) {
            Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
            if (m.find()) {
                Duration maxAge = Duration.ofSeconds(Long.parseLong(m.group(1)));
                hint = hint == null || maxAge.compareTo(hint) > 0 ? maxAge : hint;
            }
        }
        return hint;
    }

    private Duration jitter(Duration base) {
        if (jitterFraction <= 0) {
            return base;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitterFraction, jitterFraction);
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }
}

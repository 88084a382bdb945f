package io.pactwatch.notifier.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: exponential backoff with full jitter between a base and a cap, or the
 * receiver's Retry-After when it is longer; after the last attempt the delivery fails for good.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

    public Duration delayAfter(int attempts, Duration retryAfter) {
        long exp = base.toMillis() * (1L << Math.min(Math.max(attempts - 1, 0), 20));
        long capped = Math.min(exp, cap.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}

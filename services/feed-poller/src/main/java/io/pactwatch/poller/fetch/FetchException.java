package io.pactwatch.poller.fetch;

import java.time.Duration;

/**
 * Why a fetch failed, in words an operator reads on the feed's status, with the kind used as the metrics outcome and
 * the server's Retry-After when it sent one.
 */
public class FetchException extends RuntimeException {

    /** Outcome label for metrics. */
    public enum Kind { HTTP_ERROR, RATE_LIMITED, TIMEOUT, TOO_LARGE, REDIRECTS, REFUSED_ADDRESS, NETWORK, PARSE, CREDENTIALS }

    private final Kind kind;
    private final Integer status;
    private final Duration retryAfter;

    public FetchException(Kind kind, String message, Integer status, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public FetchException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public Integer status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package io.pactwatch.poller.domain;

/** A fetched body that is not a feed pactwatch can read; the message is shown as the feed's last error. */
public class FeedParseException extends RuntimeException {

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedParseException(String message) {
        super(message);
    }
}

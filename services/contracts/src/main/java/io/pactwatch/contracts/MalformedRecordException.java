package io.pactwatch.contracts;

/** A Kafka record whose value is not a valid contract record: consumers send it to the dead-letter topic. */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}

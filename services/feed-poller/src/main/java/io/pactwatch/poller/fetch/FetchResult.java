package io.pactwatch.poller.fetch;

/** A completed fetch: final status (200 or 304), validators and hints from the headers, and the capped body. */
public record FetchResult(int status, String etag, String lastModified, String cacheControl, String contentType,
        byte[] body, String finalUrl) {
}

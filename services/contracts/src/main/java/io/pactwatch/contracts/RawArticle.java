package io.pactwatch.contracts;

import java.time.Instant;

/**
 * One feed item as the feed-poller saw it: the value of {@link Topics#ARTICLES_RAW}, keyed by {@code articleId}.
 * An edited item keeps its id and is published again with a higher {@code revision}.
 *
 * @param articleId   stable id (from the GUID, the canonical URL or a content hash)
 * @param revision    1 for the first publication, +1 for every change of title or text
 * @param feedId      id of the feed in the poller's registry
 * @param feedName    human name of the outlet
 * @param url         link to the article
 * @param title       item title
 * @param summary     item summary / description as plain text, may be null
 * @param content     full text when extracted, may be null
 * @param publishedAt publication time; the fetch time when the feed gave none or an unparseable one
 * @param fetchedAt   when the poller fetched the item
 * @param contentHash SHA-256 over title, summary and content; changes exactly when a new revision is due
 */
public record RawArticle(
        String articleId,
        int revision,
        String feedId,
        String feedName,
        String url,
        String title,
        String summary,
        String content,
        Instant publishedAt,
        Instant fetchedAt,
        String contentHash) {
}

package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;

/**
 * Whether the event store can ever accept a classified record: a record that parses but lacks what the store requires
 * (for a relevant article its URL, title and classifier version; for each event its counterpart, type and date) would
 * fail its transaction on every retry and hold its partition for the whole store-retry period before being
 * dead-lettered; rejecting it up front sends it to the dead-letter topic at once.
 */
public final class StorableRecord {

    private StorableRecord() {
    }

    /** Why the record can never be stored, or {@code null} when it can. */
    public static String problem(ClassifiedArticle a) {
        if (a.articleId() == null || a.articleId().isBlank() || a.publishedAt() == null) {
            return "classified article without articleId or publishedAt";
        }
        if (!a.relevant()) {
            return null;
        }
        if (a.url() == null || a.url().isBlank()) {
            return "relevant article " + a.articleId() + " without url";
        }
        if (a.title() == null) {
            return "relevant article " + a.articleId() + " without title";
        }
        if (a.classifierVersion() == null || a.classifierVersion().isBlank()) {
            return "relevant article " + a.articleId() + " without classifierVersion";
        }
        for (TrackerVerdict v : a.verdicts()) {
            if (v == null || !v.relevant()) {
                continue;
            }
            if (v.trackerId() == null || v.trackerId().isBlank()) {
                return "relevant verdict without trackerId in article " + a.articleId();
            }
            for (ExtractedEvent e : v.events()) {
                if (e == null || e.type() == null || e.counterpart() == null || e.counterpart().isBlank()
                        || e.date() == null) {
                    return "event without type, counterpart or date in article " + a.articleId();
                }
            }
        }
        return null;
    }
}

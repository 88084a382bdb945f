package io.pactwatch.poller.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stable ids from GUID, canonical URL or content; edits detected by the content hash. */
class ItemIdentityTest {

    static final Instant T = Instant.parse("2024-05-06T10:00:00Z");

    @Test
    void trustworthyGuidWinsAndIsScopedToTheFeed() {
        FeedItem a = new FeedItem("story-44121", "https://n.example/a?utm_source=x", "T", "S", T);
        FeedItem sameGuidNewLink = new FeedItem("story-44121", "https://n.example/a-renamed", "T2", "S2", T);
        assertEquals(ItemIdentity.articleId("https://n.example/rss", a), ItemIdentity.articleId("https://n.example/rss", sameGuidNewLink));
        assertNotEquals(ItemIdentity.articleId("https://n.example/rss", a), ItemIdentity.articleId("https://other.example/rss", a));
        assertTrue(ItemIdentity.articleId("https://n.example/rss", a).startsWith("g-"));
    }

    @Test
    void untrustworthyGuidFallsBackToTheCanonicalUrl() {
        FeedItem numeric = new FeedItem("12", "https://N.example:443/news/1?utm_medium=rss&id=7&fbclid=abc#top", "T", "S", T);
        FeedItem clean = new FeedItem(null, "https://n.example/news/1?id=7", "Other", "Other", T);
        assertEquals(ItemIdentity.articleId("f1", numeric), ItemIdentity.articleId("f2", clean));
        assertFalse(ItemIdentity.trustworthyGuid("2024-05-06"));
    }

    @Test
    void noGuidNoLinkUsesAContentHash() {
        FeedItem item = new FeedItem(null, null, "Round four", "Text", T);
        assertTrue(ItemIdentity.articleId("f", item).startsWith("h-"));
        assertEquals(ItemIdentity.articleId("f", item), ItemIdentity.articleId("f", new FeedItem(null, null, "Round four", "Text", T)));
    }

    @Test
    void canonicalUrlRules() {
        assertEquals("https://n.example/a?b=2", ItemIdentity.canonicalUrl("HTTPS://N.Example/a?utm_campaign=z&b=2#frag"));
        assertEquals("http://n.example:8080/", ItemIdentity.canonicalUrl("http://n.example:8080"));
        assertNull(ItemIdentity.canonicalUrl("not a url"));
    }

    @Test
    void contentHashChangesExactlyWithTheText() {
        String h = ItemIdentity.contentHash("T", "S", null);
        assertEquals(h, ItemIdentity.contentHash("T", "S", null));
        assertNotEquals(h, ItemIdentity.contentHash("T", "S.", null));
        assertEquals(64, h.length());
    }

    @Test
    void decisionsNewUnchangedEdited() {
        assertEquals(1, ItemDecision.decide("a", "h1", null, null).revision());
        assertNull(ItemDecision.decide("a", "h1", 1, "h1"));
        ItemDecision edited = ItemDecision.decide("a", "h2", 1, "h1");
        assertEquals(2, edited.revision());
        assertTrue(edited.isRevision());
    }
}

package io.pactwatch.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.local.Http;
import io.pactwatch.local.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo site reveals items as the timeline clock passes them, answers 304 to an unchanged feed, and shows edits. */
class DemoFeedServerTest {

    static Timeline tiny() {
        return new Timeline("test", List.of(new Timeline.Feed("a", "Outlet A", "rss"), new Timeline.Feed("b", "Outlet B", "atom")),
                List.of(new Timeline.Item("a", "g1", 0, Instant.parse("2024-05-06T10:00:00Z"), "First & foremost", List.of("One."), false),
                        new Timeline.Item("b", "g2", 0, Instant.parse("2024-05-06T11:00:00Z"), "Atom item", List.of("Two."), false),
                        new Timeline.Item("a", "g1", 1000, Instant.parse("2024-05-06T10:00:00Z"), "First, edited", List.of("One!"), true)));
    }

    @Test
    void servesNothingBeforePlayThenTheItemsThatAreDue() throws Exception {
        try (DemoFeedServer server = new DemoFeedServer(tiny(), "127.0.0.1", Ports.free(), 1.0).start()) {
            String before = Http.get(server.feedUrl("a"), null).body();
            assertFalse(before.contains("<item>"), before);
            server.play();
            String rss = Http.get(server.feedUrl("a"), null).body();
            assertTrue(rss.contains("<title>First &amp; foremost</title>"), rss);
            assertTrue(rss.contains("<guid isPermaLink=\"false\">g1</guid>"), rss);
            assertTrue(rss.contains("Mon, 6 May 2024 10:00:00 GMT"), rss);
            assertFalse(rss.contains("edited"), "the edit is due only after 1000 s");
            String atom = Http.get(server.feedUrl("b"), null).body();
            assertTrue(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">") && atom.contains("<published>2024-05-06T11:00:00Z"), atom);
        }
    }

    @Test
    void unchangedFeedAnswers304ToItsEtag() throws Exception {
        try (DemoFeedServer server = new DemoFeedServer(tiny(), "127.0.0.1", Ports.free(), 1.0).start()) {
            server.play();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(server.feedUrl("a"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(server.feedUrl("a")))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, second.statusCode());
        }
    }

    @Test
    void anEditReplacesTheItemUnderTheSameGuid() throws Exception {
        try (DemoFeedServer server = new DemoFeedServer(tiny(), "127.0.0.1", Ports.free(), 10_000.0).start()) {
            server.play();
            Thread.sleep(200);
            String rss = Http.get(server.feedUrl("a"), null).body();
            assertTrue(rss.contains("First, edited"), rss);
            assertEquals(1, rss.split("<item>").length - 1, "one item per guid");
        }
    }

    @Test
    void theBundledTimelineIsWellFormed() {
        Timeline timeline = Timeline.bundled();
        assertEquals(4, timeline.feeds().size());
        for (Timeline.Item item : timeline.items()) {
            assertTrue(timeline.feed(item.feed()) != null, "unknown feed " + item.feed());
            assertFalse(item.title().isBlank());
        }
        long edits = timeline.items().stream().filter(Timeline.Item::edited).count();
        long guids = timeline.items().stream().map(Timeline.Item::guid).distinct().count();
        assertEquals(timeline.items().size() - edits, guids, "only edits repeat a guid");
    }
}

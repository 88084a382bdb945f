package io.pactwatch.poller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.testing.RealInfrastructure;
import io.pactwatch.local.testing.SharedBroker;
import io.pactwatch.poller.persistence.FeedRow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The poller against a local HTTP server, the real broker and the real PostgreSQL: publishes once, answers 304s
 * with nothing, turns an edit into one revision, honours Retry-After, backs off and recovers, and refuses hostile
 * feeds with a clear per-feed error while the others keep polling.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_poller_test"))
class FeedPollingTest {

    static final String TOKEN = "Bearer test-admin-token";

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @jakarta.inject.Inject
    io.pactwatch.poller.persistence.FeedRepository feedRepository;
    static FixtureFeedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new FixtureFeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long addFeed(String name, String path) {
        return given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "url", server.url(path), "intervalSeconds", 1)).post("/api/feeds")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath feed(long id) {
        return given().header("Authorization", TOKEN).get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void publishesOnceIgnores304sAndTurnsAnEditIntoOneRevision() throws Exception {
        long id = addFeed("News", "/news.xml");
        await("two raw articles", () -> raw("News").size() == 2);
        await("a conditional re-poll answered 304", () -> Integer.valueOf(304).equals(feed(id).get("lastStatus")));
        Thread.sleep(2500);
        assertEquals(2, raw("News").size(), "a 304 republishes nothing");

        RawArticle first = raw("News").stream().filter(a -> a.title().startsWith("Envoys")).findFirst().orElseThrow();
        assertEquals(1, first.revision());
        server.newsTitle = "Envoys hold fourth round of security talks, officials say";
        await("the revision", () -> raw("News").size() == 3);
        Thread.sleep(2500);
        List<RawArticle> all = raw("News");
        assertEquals(3, all.size(), "exactly one revision record");
        // records of different keys land on different partitions: find the revision, not the third record
        RawArticle revised = all.stream().filter(a -> a.revision() == 2).findFirst().orElseThrow();
        assertEquals(first.articleId(), revised.articleId());
        assertEquals(2, revised.revision());
        assertTrue(revised.title().endsWith("officials say"));
        assertTrue(feed(id).getInt("itemsPublished") == 3);
    }

    @Test
    void recordsAreKeyedByArticleIdWithCloudEventsHeaders() throws Exception {
        addFeed("Keyed", "/limited.xml");
        await("the limited feed's item", () -> !raw("Keyed").isEmpty());
        try (KafkaConsumer<String, String> c = consumer()) {
            var record = poll(c).stream().filter(r -> r.value().contains("\"feedName\":\"Keyed\"")).findFirst().orElseThrow();
            RawArticle article = Json.read(record.value(), RawArticle.class);
            assertEquals(article.articleId(), record.key());
            assertEquals("io.pactwatch.article.raw.v1", header(record.headers().lastHeader("ce_type")));
            assertEquals("/pactwatch/feed-poller", header(record.headers().lastHeader("ce_source")));
            assertTrue(header(record.headers().lastHeader("ce_id")).startsWith(article.articleId()));
        }
        List<Instant> calls = server.requestsTo("/limited.xml");
        assertTrue(Duration.between(calls.get(0), calls.get(1)).toMillis() >= 2900,
                "Retry-After: 3 honoured, second call after " + Duration.between(calls.get(0), calls.get(1)));
    }

    @Test
    void aFailingFeedBacksOffAndRecovers() throws Exception {
        long id = addFeed("Flaky", "/flaky.xml");
        await("three failures", () -> feed(id).getInt("consecutiveFailures") >= 3);
        assertTrue(feed(id).getBoolean("failing"), "flagged failing past the threshold");
        assertTrue(feed(id).getString("lastError").contains("HTTP 500"));
        await("recovery", () -> feed(id).getInt("consecutiveFailures") == 0);
        assertEquals(1, raw("Flaky").size());
        List<Instant> calls = server.requestsTo("/flaky.xml");
        long gap1 = Duration.between(calls.get(0), calls.get(1)).toMillis();
        long gap3 = Duration.between(calls.get(2), calls.get(3)).toMillis();
        assertTrue(gap3 > gap1 + 1000, "backoff grows: " + gap1 + " ms then " + gap3 + " ms");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("pactwatch_poller_fetches_total{outcome=\"HTTP_ERROR\""), "fetch outcomes exported");
        assertTrue(metrics.contains("pactwatch_poller_items_published_total{kind=\"new\""), "published items exported");
        assertTrue(metrics.contains("pactwatch_poller_fetch_duration_seconds_count"), "fetch latency exported");
        assertTrue(metrics.contains("pactwatch_poller_failing_feeds"), "failing-feeds gauge exported");
    }

    @Test
    void hostileFeedsFailClearlyWhileOthersKeepPolling() throws Exception {
        long bomb = addFeed("Bomb", "/bomb.xml");
        long slow = addFeed("Slow", "/slow.xml");
        long redirect = addFeed("Redirect", "/to-private.xml");
        long page = addFeed("Page", "/page.html");
        long xxe = addFeed("Xxe", "/xxe.xml");
        long laughs = addFeed("Laughs", "/laughs.xml");
        long healthy = addFeed("Healthy", "/news.xml?healthy");
        await("the bomb cut at the cap", () -> String.valueOf(feed(bomb).getString("lastError")).contains("larger than the cap"));
        await("the slow drip timed out", () -> String.valueOf(feed(slow).getString("lastError")).contains("total timeout"));
        await("the redirect refused", () -> String.valueOf(feed(redirect).getString("lastError")).contains("refused"));
        await("the HTML page named", () -> String.valueOf(feed(page).getString("lastError")).contains("HTML page"));
        await("the XXE feed refused", () -> String.valueOf(feed(xxe).getString("lastError")).contains("DOCTYPE"));
        await("the billion-laughs feed refused", () -> String.valueOf(feed(laughs).getString("lastError")).contains("DOCTYPE"));
        assertTrue(!feed(xxe).getString("lastError").contains("root:"), "no file content leaks into the error");
        assertEquals(0, raw("Bomb").size() + raw("Slow").size() + raw("Redirect").size() + raw("Page").size()
                + raw("Xxe").size() + raw("Laughs").size());
        Instant lastSuccess = Instant.parse(feed(healthy).getString("lastSuccessAt"));
        await("the healthy feed polled again meanwhile", () -> Instant.parse(feed(healthy).getString("lastSuccessAt")).isAfter(lastSuccess));
    }

    /**
     * The seen-set, not memory, stops republishing: the fixture sends no validators (every poll is a full 200), and
     * the feed row is then put back in the state a killed replica leaves (validators lost, lease held by a dead
     * owner and expired, poll due). PollJob keeps nothing between polls, so this is what a restarted process sees.
     */
    @Test
    void fullRepollsAndARestartedReplicaRepublishNothing() throws Exception {
        long id = addFeed("Restart", "/restart.xml");
        await("two raw articles", () -> raw("Restart").size() == 2);
        int before = server.requestsTo("/restart.xml").size();
        await("three more full fetches", () -> server.requestsTo("/restart.xml").size() >= before + 3);
        assertEquals(2, raw("Restart").size(), "full 200 re-polls republish nothing");

        pool.preparedQuery("""
                UPDATE feed SET etag = NULL, last_modified = NULL, lease_owner = 'killed-replica',
                  lease_until = now() - interval '1 second', next_poll_at = now() WHERE id = $1""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
        int afterRestart = server.requestsTo("/restart.xml").size();
        await("re-polls after the simulated restart", () -> server.requestsTo("/restart.xml").size() >= afterRestart + 2);
        assertEquals(2, raw("Restart").size(), "nothing republished after the restart");
        assertEquals(2, feed(id).getInt("itemsPublished"));
    }

    @Test
    void fullTextFeedsCarryThePagesMainTextAndFallBackToTheSummary() throws Exception {
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body(Map.of("name", "FullText",
                "url", server.url("/fulltext.xml"), "intervalSeconds", 1, "fullText", true)).post("/api/feeds")
                .then().statusCode(201);
        await("both full-text items", () -> raw("FullText").size() == 2);
        RawArticle story = raw("FullText").stream().filter(a -> a.title().startsWith("Accord")).findFirst().orElseThrow();
        assertTrue(story.content().contains("put their names to a long-term security accord"), story.content());
        assertTrue(story.content().contains("consultations within a day"), story.content());
        assertTrue(!story.content().contains("subscribe now") && !story.content().contains("gadgets")
                && !story.content().contains("Markets"), story.content());
        assertEquals("Short teaser.", story.summary());
        RawArticle gone = raw("FullText").stream().filter(a -> a.title().equals("Page gone")).findFirst().orElseThrow();
        assertEquals(null, gone.content(), "a page that cannot be fetched falls back to the summary");
        assertEquals("Teaser of a page that is gone.", gone.summary());
    }

    @Test
    void aGuidChangeWithTheSameLinkIsNotAnnouncedAgain() throws Exception {
        addFeed("GuidChange", "/guid-change.xml");
        await("the item", () -> raw("GuidChange").size() == 1);
        server.guidRenamed = true;
        int before = server.requestsTo("/guid-change.xml").size();
        await("three polls after the CMS renamed the GUID", () -> server.requestsTo("/guid-change.xml").size() >= before + 3);
        assertEquals(1, raw("GuidChange").size(), "same link, old GUID gone: the same article, not a new one");
    }

    /** Two replicas claiming at the same moment never get the same feed (the app's own scheduler claims too). */
    @Test
    void concurrentClaimsNeverShareAFeed() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(pool.preparedQuery("INSERT INTO feed (name, url, interval_seconds, next_poll_at) VALUES ($1, $2, 3600,"
                    + " now() + interval '1 hour') RETURNING id")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of("Claim " + i, server.url("/claim-" + i + ".xml")))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
        }
        pool.preparedQuery("UPDATE feed SET next_poll_at = now() WHERE id = ANY($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((Object) ids.toArray(Long[]::new))).await().atMost(Duration.ofSeconds(10));
        var a = feedRepository.claimDue("replica-a", 60, 8);
        var b = feedRepository.claimDue("replica-b", 60, 8);
        var both = io.smallrye.mutiny.Uni.combine().all().unis(a, b).asTuple().await().atMost(Duration.ofSeconds(10));
        java.util.Set<Long> claimedByA = new java.util.HashSet<>(both.getItem1().stream().map(f -> f.id()).toList());
        java.util.Set<Long> claimedByB = new java.util.HashSet<>(both.getItem2().stream().map(f -> f.id()).toList());
        assertTrue(!claimedByA.isEmpty() || !claimedByB.isEmpty(), "something was claimed");
        java.util.Set<Long> overlap = new java.util.HashSet<>(claimedByA);
        overlap.retainAll(claimedByB);
        assertTrue(overlap.isEmpty(), "claimed by both: " + overlap);
        List<FeedRow> again = feedRepository.claimDue("replica-c", 60, 50).await().atMost(Duration.ofSeconds(10));
        assertTrue(again.stream().noneMatch(f -> claimedByA.contains(f.id()) || claimedByB.contains(f.id())),
                "a leased feed is not claimed again before its lease expires");
        pool.preparedQuery("DELETE FROM feed WHERE id = ANY($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((Object) ids.toArray(Long[]::new))).await().atMost(Duration.ofSeconds(10));
    }

    /**
     * Outcomes written in one statement land on their own feeds: each row gets its own status, validators (a null
     * keeps the stored one), next poll time and published count, and its lease is released.
     */
    @Test
    void batchedOutcomesRecordEachFeedsOwnOutcome() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(pool.preparedQuery("INSERT INTO feed (name, url, interval_seconds, next_poll_at, etag, last_modified,"
                    + " items_published, consecutive_failures, lease_owner, lease_until) VALUES ($1, $2, 3600,"
                    + " now() + interval '1 hour', 'old-etag', 'old-date', 10, 2, 'replica-a', now() + interval '1 minute')"
                    + " RETURNING id")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of("Batch " + i, server.url("/batch-" + i + ".xml")))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
        }
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        feedRepository.recordSuccesses(List.of(
                new io.pactwatch.poller.persistence.PollSuccess(ids.get(0), 304, null, null, base, 0),
                new io.pactwatch.poller.persistence.PollSuccess(ids.get(1), 200, "\"e1\"", "Tue, 01 Dec 2026 10:00:00 GMT",
                        base.plusSeconds(60), 3),
                new io.pactwatch.poller.persistence.PollSuccess(ids.get(2), 200, "\"e2\"", null, base.plusSeconds(120), 1)))
                .await().atMost(Duration.ofSeconds(10));
        // one outcome alone takes the single-row statement
        feedRepository.recordSuccesses(List.of(new io.pactwatch.poller.persistence.PollSuccess(ids.get(3), 200, "\"e3\"",
                null, base.plusSeconds(180), 2))).await().atMost(Duration.ofSeconds(10));
        List<io.vertx.mutiny.sqlclient.Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM feed WHERE id = ANY($1) ORDER BY id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((Object) ids.toArray(Long[]::new)))
                .await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        assertEquals(List.of(304, 200, 200, 200), rows.stream().map(r -> r.getInteger("last_status")).toList());
        assertEquals(java.util.Arrays.asList("old-etag", "\"e1\"", "\"e2\"", "\"e3\""),
                rows.stream().map(r -> r.getString("etag")).toList());
        assertEquals(java.util.Arrays.asList("old-date", "Tue, 01 Dec 2026 10:00:00 GMT", "old-date", "old-date"),
                rows.stream().map(r -> r.getString("last_modified")).toList());
        assertEquals(List.of(base, base.plusSeconds(60), base.plusSeconds(120), base.plusSeconds(180)),
                rows.stream().map(r -> r.getOffsetDateTime("next_poll_at").toInstant()).toList());
        assertEquals(List.of(10L, 13L, 11L, 12L), rows.stream().map(r -> r.getLong("items_published")).toList());
        for (io.vertx.mutiny.sqlclient.Row r : rows) {
            assertEquals(0, r.getInteger("consecutive_failures"));
            assertEquals(null, r.getString("lease_owner"));
            assertTrue(r.getOffsetDateTime("last_polled_at") != null && r.getOffsetDateTime("last_success_at") != null);
        }
        pool.preparedQuery("DELETE FROM feed WHERE id = ANY($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((Object) ids.toArray(Long[]::new))).await().atMost(Duration.ofSeconds(10));
    }

    /** Handing back claimed feeds frees only this replica's leases, never another replica's. */
    @Test
    void releasingLeasesLeavesOtherReplicasLeasesAlone() {
        List<Long> ids = new ArrayList<>();
        for (String owner : List.of("replica-a", "replica-b")) {
            ids.add(pool.preparedQuery("INSERT INTO feed (name, url, interval_seconds, next_poll_at, lease_owner, lease_until)"
                    + " VALUES ($1, $2, 3600, now() + interval '1 hour', $3, now() + interval '1 minute') RETURNING id")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of("Lease " + owner, server.url("/lease-" + owner + ".xml"), owner))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
        }
        feedRepository.releaseLeases("replica-a", ids).await().atMost(Duration.ofSeconds(10));
        List<String> owners = new ArrayList<>();
        pool.preparedQuery("SELECT lease_owner FROM feed WHERE id = ANY($1) ORDER BY id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((Object) ids.toArray(Long[]::new)))
                .await().atMost(Duration.ofSeconds(10)).forEach(r -> owners.add(r.getString(0)));
        assertEquals(java.util.Arrays.asList(null, "replica-b"), owners);
        pool.preparedQuery("DELETE FROM feed WHERE id = ANY($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((Object) ids.toArray(Long[]::new))).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void feedsFileIsSyncedIntoTheRegistryAtStart() {
        JsonPath all = given().header("Authorization", TOKEN).get("/api/feeds").then().statusCode(200).extract().jsonPath();
        Map<String, Object> declared = all.getMap("find { it.name == 'Declared Wire' }");
        assertEquals("config", declared.get("origin"));
        assertEquals("http://127.0.0.1:9/declared.xml", declared.get("url"));
        assertEquals(60, declared.get("intervalSeconds"));
        assertEquals(false, declared.get("enabled"));
        assertEquals(true, declared.get("fullText"));
        assertEquals(List.of("ukraine", "security-agreements"), declared.get("tags"));
    }

    @Test
    void managementApiValidatesAndNeedsTheToken() {
        given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Dup", "url", server.url("/dup.xml"), "intervalSeconds", 3600)).post("/api/feeds")
                .then().statusCode(201);
        given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Dup", "url", server.url("/dup2.xml"))).post("/api/feeds")
                .then().statusCode(409).body("errors[0]", containsString("already registered"));
        given().header("Authorization", "Bearer wrong").get("/api/feeds").then().statusCode(401);
        given().get("/api/feeds").then().statusCode(401);
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body(Map.of("name", "", "url", "ftp://x"))
                .post("/api/feeds").then().statusCode(422).body("errors.size()", org.hamcrest.Matchers.is(2));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Metadata", "url", "http://169.254.169.254/latest/meta-data"))
                .post("/api/feeds").then().statusCode(422).body("errors[0]", containsString("link-local"));
        given().header("Authorization", TOKEN).contentType(ContentType.JSON).body("{not json").post("/api/feeds")
                .then().statusCode(400);
    }

    static List<RawArticle> raw(String feedName) {
        try (KafkaConsumer<String, String> c = consumer()) {
            return poll(c).stream().map(r -> Json.read(r.value(), RawArticle.class))
                    .filter(a -> feedName.equals(a.feedName())).toList();
        }
    }

    static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers(),
                "group.id", "t-" + UUID.randomUUID()), new StringDeserializer(), new StringDeserializer());
    }

    static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> c) {
        List<TopicPartition> parts = c.partitionsFor(Topics.ARTICLES_RAW).stream()
                .map(p -> new TopicPartition(Topics.ARTICLES_RAW, p.partition())).toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        Map<TopicPartition, Long> end = c.endOffsets(parts);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
            c.poll(Duration.ofMillis(100)).forEach(out::add);
        }
        return out;
    }

    static String header(Header h) {
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

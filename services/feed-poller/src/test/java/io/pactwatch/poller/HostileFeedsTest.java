package io.pactwatch.poller;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.RawArticle;
import io.pactwatch.local.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, bad input: one table of hostile feeds served by a local server or pointing into the internal network,
 * run against the real poller (real broker, real PostgreSQL). Each must end with its own clear error on the feed's
 * status and in the fetch metrics, publish nothing, and never stop a healthy feed's items reaching
 * pactwatch.articles.raw. The test profile allowlists exactly 127.0.0.1/32 (the fixture server's address, see
 * application.properties); every other loopback form stays refused. Names under .pactwatch.test come from
 * {@link io.pactwatch.poller.fetch.TestDns}.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_poller_test"))
class HostileFeedsTest {

    /** One hostile input: where it is, and the error kind and words the feed's status must show. */
    record Case(String name, String url, String kind, String says) {
    }

    static HostileFeedServer server;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @BeforeAll
    static void start() throws Exception {
        server = new HostileFeedServer(RUN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Served by the hostile server on the allowlisted 127.0.0.1: they pass registration and fail at fetch time. */
    static List<Case> servedCases() {
        return List.of(
                new Case("XXE", server.url("/xxe.xml"), "PARSE", "declares a DOCTYPE"),
                new Case("billion laughs", server.url("/laughs.xml"), "PARSE", "declares a DOCTYPE"),
                new Case("gzip bomb (64 MiB of zeros in 64 KiB)", server.url("/gzip-bomb.xml"), "TOO_LARGE", "after decompression"),
                new Case("50 MB feed with Content-Length", server.url("/50mb-declared.xml"), "TOO_LARGE", "(Content-Length)"),
                new Case("50 MB feed, chunked", server.url("/50mb-chunked.xml"), "TOO_LARGE", "larger than the cap"),
                new Case("slow drip (1 byte / 500 ms)", server.url("/slow-drip.xml"), "TIMEOUT", "total timeout"),
                new Case("invalid UTF-8", server.url("/invalid-utf8.xml"), "PARSE", "invalid UTF-8 at byte"),
                new Case("unknown encoding in the prolog", server.url("/unknown-encoding.xml"), "PARSE", "unsupported character encoding"),
                new Case("control characters", server.url("/control-chars.xml"), "PARSE", "invalid XML character"),
                new Case("HTML page (text/html)", server.url("/page.html"), "PARSE", "HTML page"),
                new Case("HTML served as application/rss+xml", server.url("/html-as-rss.xml"), "PARSE", "HTML page"),
                new Case("JSON instead of XML", server.url("/json.xml"), "PARSE", "not a readable RSS/Atom feed"),
                new Case("empty 200", server.url("/empty.xml"), "PARSE", "empty response body"),
                new Case("redirect loop", server.url("/loop-a.xml"), "REDIRECTS", "more than 5 redirects"),
                new Case("redirect to cloud metadata", server.url("/to-metadata.xml"), "REFUSED_ADDRESS", "169.254.169.254"),
                new Case("redirect to decimal loopback", server.url("/to-decimal-loopback.xml"), "REFUSED_ADDRESS", "non-canonical numeric address"),
                new Case("redirect to file:", server.url("/to-file.xml"), "NETWORK", "unsupported URL"));
    }

    /** SSRF targets: the API refuses them at registration (422); as declared feeds they fail at fetch time. */
    static List<Case> ssrfCases() {
        int p = server.port();
        return List.of(
                new Case("loopback 127.0.0.2", "http://127.0.0.2:" + p + "/feed.xml", "REFUSED_ADDRESS", "loopback address 127.0.0.2"),
                new Case("loopback ::1", "http://[::1]:" + p + "/feed.xml", "REFUSED_ADDRESS", "loopback address"),
                new Case("unspecified 0.0.0.0", "http://0.0.0.0:" + p + "/feed.xml", "REFUSED_ADDRESS", "non-routable address"),
                new Case("private 10/8", "http://10.0.0.1/feed.xml", "REFUSED_ADDRESS", "private address 10.0.0.1"),
                new Case("private 172.16/12", "http://172.16.5.4/feed.xml", "REFUSED_ADDRESS", "private address 172.16.5.4"),
                new Case("private 192.168/16", "http://192.168.1.1/feed.xml", "REFUSED_ADDRESS", "private address 192.168.1.1"),
                new Case("carrier-grade NAT 100.64/10", "http://100.64.0.1/feed.xml", "REFUSED_ADDRESS", "private address"),
                new Case("link-local fe80::/10", "http://[fe80::1]/feed.xml", "REFUSED_ADDRESS", "link-local address"),
                new Case("unique-local fd00::/8", "http://[fd00::7]/feed.xml", "REFUSED_ADDRESS", "private address"),
                new Case("cloud metadata", "http://169.254.169.254/latest/meta-data/", "REFUSED_ADDRESS", "link-local address 169.254.169.254"),
                new Case("IPv4-mapped metadata", "http://[::ffff:169.254.169.254]/latest/meta-data/", "REFUSED_ADDRESS", "169.254.169.254"),
                new Case("IPv4-mapped loopback", "http://[::ffff:127.0.0.2]:" + p + "/feed.xml", "REFUSED_ADDRESS", "loopback address 127.0.0.2"),
                new Case("NAT64 metadata", "http://[64:ff9b::a9fe:a9fe]/", "REFUSED_ADDRESS", "169.254.169.254"),
                new Case("decimal loopback (allowlisted address!)", "http://2130706433:" + p + "/feed.xml", "REFUSED_ADDRESS", "read as 127.0.0.1"),
                new Case("decimal metadata", "http://2852039166/latest/meta-data/", "REFUSED_ADDRESS", "read as 169.254.169.254"),
                new Case("octal loopback", "http://0177.0.0.1:" + p + "/feed.xml", "REFUSED_ADDRESS", "read as 127.0.0.1"),
                new Case("hex metadata", "http://0xa9fea9fe/", "REFUSED_ADDRESS", "read as 169.254.169.254"),
                new Case("short-form loopback 127.1", "http://127.1:" + p + "/feed.xml", "REFUSED_ADDRESS", "read as 127.0.0.1"),
                new Case("name -> 169.254.169.254", "http://metadata.pactwatch.test/latest/meta-data/", "REFUSED_ADDRESS", "link-local address 169.254.169.254"),
                new Case("name -> 10.20.30.40", "http://intranet.pactwatch.test/feed.xml", "REFUSED_ADDRESS", "private address 10.20.30.40"),
                new Case("name -> 127.0.0.2", "http://loopback.pactwatch.test:" + p + "/feed.xml", "REFUSED_ADDRESS", "loopback address 127.0.0.2"),
                new Case("name -> ::ffff:192.168.0.10", "http://mapped.pactwatch.test/feed.xml", "REFUSED_ADDRESS", "private address 192.168.0.10"),
                new Case("name -> ::1", "http://v6-loopback.pactwatch.test:" + p + "/feed.xml", "REFUSED_ADDRESS", "loopback address"),
                new Case("name -> allowlisted + private", "http://half-internal.pactwatch.test:" + p + "/feed.xml", "REFUSED_ADDRESS", "private address 10.0.0.1"));
    }

    @Test
    void everyHostileFeedFailsWithItsOwnErrorWhileTheHealthyFeedKeepsDelivering() throws Exception {
        Map<String, Double> before = fetchCounters();
        server.healthyItems.addAll(List.of("healthy-" + RUN + "-1", "healthy-" + RUN + "-2", "healthy-" + RUN + "-3"));
        long healthy = register("Hostile run " + RUN + " healthy", server.url("/healthy.xml"));

        Map<Long, Case> feeds = new LinkedHashMap<>();
        for (Case c : servedCases()) {
            feeds.put(register("Hostile run " + RUN + " " + c.name(), c.url()), c);
        }
        int apiRefused = 0;
        for (Case c : ssrfCases()) {
            String error = given().header("Authorization", FeedPollingTest.TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("name", "SSRF " + RUN + " " + c.name(), "url", c.url(), "intervalSeconds", 1))
                    .post("/api/feeds").then().statusCode(422).extract().jsonPath().getString("errors[0]");
            assertTrue(error.contains("refused") || error.contains("no host"), c.name() + ": " + error);
            apiRefused++;
            feeds.put(declare("Hostile run " + RUN + " " + c.name(), c.url()), c);
        }

        List<String> wrong = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        Map<Long, String> errors = new LinkedHashMap<>();
        while (errors.size() < feeds.size() && System.nanoTime() < deadline) {
            for (var f : feeds.entrySet()) {
                String error = FeedPollingTest.feed(f.getKey()).getString("lastError");
                if (error != null) {
                    errors.put(f.getKey(), error);
                }
            }
            Thread.sleep(250);
        }
        int refused = 0;
        for (var f : feeds.entrySet()) {
            Case c = f.getValue();
            String error = errors.get(f.getKey());
            JsonPath status = FeedPollingTest.feed(f.getKey());
            boolean ok = error != null && error.startsWith(c.kind() + ": ") && error.contains(c.says())
                    && status.getInt("itemsPublished") == 0 && status.get("lastSuccessAt") == null;
            System.out.printf("hostile-feed | %-42s | %-16s | %s%n", c.name(), ok ? "refused as expected" : "WRONG", error);
            if (ok) {
                refused++;
            } else {
                wrong.add(c.name() + " -> " + error);
            }
        }
        assertTrue(!errors.values().stream().anyMatch(e -> e.contains("root:")), "no file content leaks into an error");

        // The healthy feed keeps being served while the hostile ones keep failing: an item added now arrives.
        server.healthyItems.add("healthy-" + RUN + "-4");
        String healthyName = "Hostile run " + RUN + " healthy";
        FeedPollingTest.await("the healthy feed's four items on pactwatch.articles.raw",
                () -> FeedPollingTest.raw(healthyName).size() == 4);
        List<RawArticle> delivered = FeedPollingTest.raw(healthyName);
        long fromHostile = rawByPrefix("Hostile run " + RUN + " ").stream().filter(a -> !a.feedName().equals(healthyName)).count();

        Map<String, Double> after = fetchCounters();
        Map<String, Long> expectedPerKind = new LinkedHashMap<>();
        feeds.values().forEach(c -> expectedPerKind.merge(c.kind(), 1L, Long::sum));
        List<String> metricGaps = new ArrayList<>();
        expectedPerKind.forEach((kind, n) -> {
            double delta = after.getOrDefault(kind, 0.0) - before.getOrDefault(kind, 0.0);
            if (delta < n) {
                metricGaps.add(kind + ": +" + delta + " < " + n);
            }
        });
        System.out.printf("hostile-feeds summary | cases sent %d (served %d, SSRF %d) | refused with the expected error %d"
                + " | SSRF refused at registration (422) %d/%d | items published from hostile feeds %d"
                + " | healthy items delivered %d/4 | fetch-metric deltas %s%n",
                feeds.size(), servedCases().size(), ssrfCases().size(), refused, apiRefused, ssrfCases().size(),
                fromHostile, delivered.size(), deltas(before, after));

        assertTrue(wrong.isEmpty(), "cases without their expected error: " + wrong);
        assertEquals(0, fromHostile, "nothing published from a hostile feed");
        assertTrue(metricGaps.isEmpty(), "pactwatch_poller_fetches_total did not count every failure: " + metricGaps);
        assertTrue(FeedPollingTest.feed(healthy).getInt("consecutiveFailures") == 0);
    }

    static long register(String name, String url) {
        return given().header("Authorization", FeedPollingTest.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "url", url, "intervalSeconds", 1)).post("/api/feeds")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A feed as the feeds file declares it (origin config): stored without the API's address check. */
    long declare(String name, String url) {
        return pool.preparedQuery("INSERT INTO feed (name, url, interval_seconds, origin) VALUES ($1, $2, 1, 'config') RETURNING id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(name, url)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    static List<RawArticle> rawByPrefix(String prefix) {
        try (var c = FeedPollingTest.consumer()) {
            return FeedPollingTest.poll(c).stream().map(r -> io.pactwatch.contracts.Json.read(r.value(), RawArticle.class))
                    .filter(a -> a.feedName() != null && a.feedName().startsWith(prefix)).toList();
        }
    }

    static final Pattern COUNTER = Pattern.compile("pactwatch_poller_fetches_total\\{[^}]*outcome=\"([A-Z_0-9]+)\"[^}]*} ([0-9.E+-]+)");

    static Map<String, Double> fetchCounters() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counters = new LinkedHashMap<>();
        Matcher m = COUNTER.matcher(metrics);
        while (m.find()) {
            counters.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        return counters;
    }

    static String deltas(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder out = new StringBuilder();
        after.forEach((k, v) -> out.append(k).append("+").append((long) (v - before.getOrDefault(k, 0.0))).append(' '));
        return out.toString().trim();
    }
}

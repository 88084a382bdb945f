package io.pactwatch.e2e;

import io.pactwatch.local.testing.TopicReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.Http;
import io.pactwatch.local.Pipeline;
import io.pactwatch.local.PipelineSettings;
import io.pactwatch.local.Services;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two poller replicas share 200 feeds through the database lease: each feed is fetched once per interval (the
 * server's request log says so), no item is published twice, and when one replica is killed with SIGKILL the other
 * takes its feeds over within one lease expiry.
 */
class PollerScaleOutTest {

    static final int FEEDS = 200;
    static final int INTERVAL = 4;
    static final int LEASE = 8;
    static Pipeline pipeline;
    static ManyFeedsServer feeds;
    static String replica;

    @BeforeAll
    static void start() throws Exception {
        feeds = new ManyFeedsServer();
        PipelineSettings settings = PipelineSettings.isolated(Files.createTempDirectory("pactwatch-scale-"));
        settings.extraEnv().put(Services.POLLER, Map.of("PACTWATCH_POLLER_LEASE", LEASE + "s", "PACTWATCH_POLLER_JITTER", "0"));
        pipeline = new Pipeline(settings).start();
        replica = pipeline.startReplica(Services.POLLER, 1);
        for (int n = 0; n < FEEDS; n++) {
            Http.Response r = Http.postJson(pipeline.serviceUrl(Services.POLLER) + "/api/feeds", settings.adminToken(),
                    Json.write(Map.of("name", "Scale " + n, "url", feeds.url(n), "intervalSeconds", INTERVAL)));
            assertEquals(201, r.status(), r.body());
        }
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (feeds != null) {
            feeds.close();
        }
    }

    @Test
    void feedsAreSharedFetchedOncePerIntervalAndTakenOverAfterAKill() throws Exception {
        Thread.sleep(3 * INTERVAL * 1000L);
        Instant from = Instant.now();
        Thread.sleep(4 * INTERVAL * 1000L);
        Instant to = Instant.now();
        List<String> problems = new ArrayList<>();
        for (int n = 0; n < FEEDS; n++) {
            List<Instant> inWindow = between(n, from, to);
            if (inWindow.size() < 3 || inWindow.size() > 5) {
                problems.add("feed " + n + " fetched " + inWindow.size() + " times in 4 intervals");
            }
            for (int i = 1; i < inWindow.size(); i++) {
                if (Duration.between(inWindow.get(i - 1), inWindow.get(i)).toMillis() < INTERVAL * 1000L / 2) {
                    problems.add("feed " + n + " fetched twice within one interval");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(fetches(pipeline.serviceUrl(Services.POLLER)) > 0 && fetches(pipeline.instanceUrl(replica)) > 0,
                "both replicas fetch");

        pipeline.kill9(Services.POLLER);
        Instant killed = Instant.now();
        Thread.sleep((LEASE + 3L * INTERVAL) * 1000L);
        Instant end = Instant.now();
        // The dead replica's feeds are free once its leases expire: no feed may then wait longer than one lease
        // plus one interval (and 3 s of slack for a loaded machine), and every feed is polled after the expiry.
        long allowedGap = (LEASE + INTERVAL + 3) * 1000L;
        List<String> orphaned = new ArrayList<>();
        for (int n = 0; n < FEEDS; n++) {
            List<Instant> after = between(n, killed.minusSeconds(INTERVAL), end);
            Instant previous = after.isEmpty() ? killed : after.get(0);
            for (Instant t : after) {
                if (Duration.between(previous, t).toMillis() > allowedGap) {
                    orphaned.add("feed " + n + " waited " + Duration.between(previous, t).toMillis() + " ms");
                }
                previous = t;
            }
            if (after.isEmpty() || !after.get(after.size() - 1).isAfter(killed.plusSeconds(LEASE))) {
                orphaned.add("feed " + n + " not polled after the lease expiry");
            }
        }
        assertEquals(List.of(), orphaned, "feeds left behind by the killed replica");

        Map<String, Long> published = TopicReader.readAll(pipeline.settings().kafkaBootstrap(), Topics.ARTICLES_RAW).stream()
                .map(r -> Json.read(r.value(), RawArticle.class)).filter(a -> a.feedName().startsWith("Scale "))
                .collect(Collectors.groupingBy(a -> a.articleId() + "#" + a.revision(), Collectors.counting()));
        assertEquals(FEEDS, published.size(), "every feed's item published");
        assertEquals(List.of(), published.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                "items published twice");
    }

    private static List<Instant> between(int feed, Instant from, Instant to) {
        return feeds.requests.getOrDefault(feed, List.of()).stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).sorted().toList();
    }

    /** Sum of a replica's pactwatch_poller_fetches_total samples. */
    private static double fetches(String url) {
        return io.pactwatch.local.testing.PrometheusText.sum(Http.get(url + "/q/metrics", null).body(), "pactwatch_poller_fetches_total", null);
    }
}

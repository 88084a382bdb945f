package io.pactwatch.notifier.web;

import com.sun.net.httpserver.HttpServer;
import io.pactwatch.local.TopicSpec;
import io.pactwatch.local.testing.SharedBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard tests add to the real broker and database: their own topics and consumer group (so their events
 * never mix with NotifierFlowTest's, whatever the class order), and a stand-in for the feed-poller's
 * {@code GET /api/feeds} that answers only with the admin token and can be stopped to make the poller unreachable.
 */
public class DashboardInfrastructure implements QuarkusTestResourceLifecycleManager {

    static final String CLASSIFIED = "dashboard-test.articles.classified";
    static final String EVENTS = "dashboard-test.agreement-events";
    static volatile HttpServer poller;

    @Override
    public Map<String, String> start() {
        SharedBroker.get().createTopics(List.of(new TopicSpec(CLASSIFIED, 1, false), new TopicSpec(EVENTS, 1, true),
                new TopicSpec(CLASSIFIED + ".dlq", 1, false)));
        try {
            poller = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        poller.createContext("/api/feeds", exchange -> {
            boolean authorised = "Bearer test-admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorised ? feedsJson() : "{\"error\":\"missing or wrong bearer token\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        poller.start();
        return Map.of(
                "pactwatch.dashboard.poller-url", "http://127.0.0.1:" + poller.getAddress().getPort(),
                "pactwatch.dashboard.poller-timeout", "2s",
                "mp.messaging.incoming.classified-articles-in.topic", CLASSIFIED,
                "mp.messaging.incoming.classified-articles-in.group.id", "pactwatch-notifier-dashboard-test",
                "mp.messaging.incoming.classified-articles-in.dead-letter-queue.topic", CLASSIFIED + ".dlq",
                "mp.messaging.outgoing.agreement-events-out.topic", EVENTS);
    }

    static void stopPoller() {
        if (poller != null) {
            poller.stop(0);
            poller = null;
        }
    }

    @Override
    public void stop() {
        stopPoller();
    }

    private static String feedsJson() {
        Instant now = Instant.now();
        return """
                [{"id":1,"name":"Kyiv Ledger","url":"https://ledger.example/rss","intervalSeconds":300,"enabled":true,
                  "tags":[],"fullText":false,"origin":"api","nextPollAt":"%s","lastPolledAt":"%s","lastSuccessAt":"%s",
                  "lastStatus":200,"lastError":null,"lastErrorAt":null,"consecutiveFailures":0,"failing":false,"itemsPublished":42},
                 {"id":2,"name":"Broken Wire","url":"https://wire.example/rss","intervalSeconds":600,"enabled":true,
                  "tags":[],"fullText":false,"origin":"config","nextPollAt":"%s","lastPolledAt":"%s","lastSuccessAt":null,
                  "lastStatus":503,"lastError":"HTTP 503 from wire.example","lastErrorAt":"%s","consecutiveFailures":6,
                  "failing":true,"itemsPublished":0}]
                """.formatted(now.plusSeconds(240), now.minusSeconds(60), now.minusSeconds(60), now.plusSeconds(500),
                now.minusSeconds(100), now.minusSeconds(100));
    }
}

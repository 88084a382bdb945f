package io.pactwatch.local.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small local news site that plays the demo {@link Timeline} in accelerated time: each outlet's feed at
 * {@code /feeds/<id>.xml} (with ETag, so unchanged feeds answer 304) and each article page at {@code /articles/<guid>}.
 * The clock starts on {@code POST /control/start} (or at once with autostart); {@code GET /control/status} reports it.
 * Used by {@code ./pactwatch run} and by the end-to-end test.
 */
public final class DemoFeedServer implements AutoCloseable {

    private final Timeline timeline;
    private final double speed;
    private final HttpServer server;
    private final AtomicLong startedAtNanos = new AtomicLong(-1);
    private final AtomicLong feedRequests = new AtomicLong();

    public DemoFeedServer(Timeline timeline, String host, int port, double speed) throws IOException {
        this.timeline = timeline;
        this.speed = speed;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/feeds/", this::feed);
        server.createContext("/articles/", this::article);
        server.createContext("/control/", this::control);
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    public DemoFeedServer start() {
        server.start();
        return this;
    }

    /** Starts the timeline clock (idempotent). */
    public void play() {
        startedAtNanos.compareAndSet(-1, System.nanoTime());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String feedUrl(String feedId) {
        return baseUrl() + "/feeds/" + feedId + ".xml";
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Seconds of timeline (speed 1) elapsed; negative before {@link #play()}. */
    public double elapsed() {
        long start = startedAtNanos.get();
        return start < 0 ? -1 : (System.nanoTime() - start) / 1e9 * speed;
    }

    public boolean finished() {
        return elapsed() > timeline.duration();
    }

    public long feedRequests() {
        return feedRequests.get();
    }

    /** The latest version of each item of a feed visible now, oldest first. */
    List<Timeline.Item> visible(String feedId) {
        double now = elapsed();
        Map<String, Timeline.Item> latest = new LinkedHashMap<>();
        for (Timeline.Item item : timeline.items()) {
            if (item.feed().equals(feedId) && item.at() <= now) {
                latest.put(item.guid(), item);
            }
        }
        return new ArrayList<>(latest.values());
    }

    private void feed(HttpExchange exchange) throws IOException {
        feedRequests.incrementAndGet();
        String name = exchange.getRequestURI().getPath().substring("/feeds/".length()).replace(".xml", "");
        Timeline.Feed feed = timeline.feed(name);
        if (feed == null) {
            Exchanges.send(exchange, 404, "text/plain", "no such feed: " + name);
            return;
        }
        String body = FeedRenderer.render(feed, visible(name), baseUrl());
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        Exchanges.send(exchange, 200, "atom".equals(feed.format()) ? "application/atom+xml; charset=utf-8"
                : "application/rss+xml; charset=utf-8", body);
    }

    private void article(HttpExchange exchange) throws IOException {
        String guid = exchange.getRequestURI().getPath().substring("/articles/".length());
        Timeline.Item found = null;
        for (Timeline.Item item : timeline.items()) {
            if (item.guid().equals(guid) && item.at() <= elapsed()) {
                found = item;
            }
        }
        if (found == null) {
            Exchanges.send(exchange, 404, "text/plain", "no such article");
        } else {
            Exchanges.send(exchange, 200, "text/html; charset=utf-8", FeedRenderer.articlePage(timeline.feed(found.feed()), found));
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/control/start") && "POST".equals(exchange.getRequestMethod())) {
            play();
        }
        long visible = timeline.items().stream().filter(i -> i.at() <= elapsed()).count();
        Exchanges.send(exchange, 200, "application/json", String.format(java.util.Locale.ROOT,
                "{\"started\":%s,\"elapsedSeconds\":%.1f,\"itemsVisible\":%d,\"itemsTotal\":%d,\"finished\":%s}",
                elapsed() >= 0, Math.max(0, elapsed()), visible, timeline.items().size(), finished()));
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** {@code DemoFeedServer [port] [speed] [--autostart]}: the demo site alone (docker-compose runs it so). */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        DemoFeedServer server = new DemoFeedServer(Timeline.bundled(), "0.0.0.0", port, speed).start();
        if (List.of(args).contains("--autostart")) {
            server.play();
        }
        System.out.println("demo feeds on http://127.0.0.1:" + port + "/feeds/<outlet>.xml; POST /control/start plays the timeline");
    }
}

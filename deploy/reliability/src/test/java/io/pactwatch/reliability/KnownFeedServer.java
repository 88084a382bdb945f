package io.pactwatch.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.reliability.KnownArticles.Known;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves known articles as RSS feeds for the poller: {@code /k/<n>.xml} for n below the feed count, item i on feed
 * {@code i % feeds}, each item appearing at its release time (spread evenly over the release period from
 * {@link #release()}), so the poller publishes while it is being killed.
 */
final class KnownFeedServer implements AutoCloseable {

    private final HttpServer server;
    private final List<Known> items;
    private final int feeds;
    private final long periodMillis;
    private volatile long releasedAt = Long.MAX_VALUE;
    final AtomicLong requests = new AtomicLong();

    KnownFeedServer(List<Known> items, int feeds, long periodMillis) throws IOException {
        this.items = items;
        this.feeds = feeds;
        this.periodMillis = periodMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/k/", this::handle);
        server.start();
    }

    String url(int feed) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/k/" + feed + ".xml";
    }

    int feeds() {
        return feeds;
    }

    void release() {
        releasedAt = System.currentTimeMillis();
    }

    /** Items released so far (all of them once the period is over). */
    int released() {
        long elapsed = System.currentTimeMillis() - releasedAt;
        if (elapsed < 0) {
            return 0;
        }
        return (int) Math.min(items.size(), items.size() * (elapsed + 1) / Math.max(1, periodMillis));
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        int feed = Integer.parseInt(ex.getRequestURI().getPath().replaceAll("\\D", ""));
        int released = released();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Known wire " + feed + "</title><link>https://known.example/</link><description>known</description>");
        for (int i = feed; i < released; i += feeds) {
            RawArticle a = items.get(i).article();
            xml.append("<item><guid isPermaLink=\"false\">").append(a.articleId()).append("</guid><title>")
                    .append(esc(a.title())).append("</title><link>").append(esc(a.url())).append("</link><description>")
                    .append(esc(a.summary())).append("</description><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(a.publishedAt().atZone(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        byte[] body = xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

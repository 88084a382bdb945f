package io.pactwatch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * N small RSS feeds on one local HTTP server, for the poller-scale benchmark: each feed answers conditional GETs
 * (ETag and Last-Modified) with 304 while it is unchanged, and {@link #advance} gives a chosen share of the feeds a
 * new item, as a real feed population does between two polls. It counts what it served, so a benchmark can check
 * what a client fetched. (Bench code: the e2e suite's ManyFeedsServer is a test class with one fixed item.)
 */
final class FeedFarm implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            java.util.Locale.ENGLISH);
    private static final String[] SUBJECTS = {"City council", "The regional court", "Farmers' union", "The central bank",
        "Rail operator", "The university", "Port authority", "Health ministry", "Weather service", "Energy regulator"};
    private static final String[] ACTIONS = {"approves a new budget for road repairs", "publishes its annual report",
        "announces a timetable change for the winter", "opens a consultation on water prices",
        "reports a better harvest than expected", "names a new director after a long search",
        "warns of delays on the northern line", "keeps its key rate unchanged"};
    private static final String FILLER = " Officials gave few other details. Reporters on the scene described long"
            + " queues, and residents said they expected more announcements in the coming days.";

    private final HttpServer server;
    private final ExecutorService executor;
    private final int feeds;
    private final int itemsPerFeed;
    /** Number of items each feed has published so far (its version); the newest {@code itemsPerFeed} are served. */
    private final AtomicIntegerArray version;
    /** Last-Modified of each feed, in epoch seconds (HTTP dates have second resolution). */
    private final AtomicLongArray modifiedAt;
    private final AtomicReferenceArray<byte[]> bodies;
    private final AtomicIntegerArray requestsPerFeed;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong itemsAdded = new AtomicLong();
    private final AtomicLong lastRequestNanos = new AtomicLong();
    private final Random random = new Random(11);

    FeedFarm(int feeds, int itemsPerFeed) throws IOException {
        this.feeds = feeds;
        this.itemsPerFeed = itemsPerFeed;
        this.version = new AtomicIntegerArray(feeds);
        this.modifiedAt = new AtomicLongArray(feeds);
        this.bodies = new AtomicReferenceArray<>(feeds);
        this.requestsPerFeed = new AtomicIntegerArray(feeds);
        long start = Instant.now().getEpochSecond() - 3600;
        for (int n = 0; n < feeds; n++) {
            version.set(n, itemsPerFeed);
            modifiedAt.set(n, start);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/f/", this::handle);
        server.start();
    }

    int size() {
        return feeds;
    }

    String url(int n) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/f/" + n + ".xml";
    }

    /**
     * Gives {@code count} distinct random feeds one new item each (a new ETag and Last-Modified); returns how many.
     */
    synchronized int advance(int count) {
        count = Math.min(count, feeds);
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        while (chosen.size() < count) {
            chosen.add(random.nextInt(feeds));
        }
        long now = Instant.now().getEpochSecond();
        for (int n : chosen) {
            version.incrementAndGet(n);
            // strictly later than before, so If-Modified-Since alone also sees the change
            modifiedAt.set(n, Math.max(now, modifiedAt.get(n) + 1));
            bodies.set(n, null);
        }
        itemsAdded.addAndGet(count);
        return count;
    }

    /** Size in bytes of one feed document as served with 200 (feed 0 now). */
    int documentBytes() {
        return render(0, version.get(0), modifiedAt.get(0)).length;
    }

    long requests() {
        return requests.get();
    }

    long ok() {
        return ok.get();
    }

    long notModified() {
        return notModified.get();
    }

    long itemsAdded() {
        return itemsAdded.get();
    }

    /** System.nanoTime() of the latest request. */
    long lastRequestNanos() {
        return lastRequestNanos.get();
    }

    /** How many feeds were requested at least once. */
    int feedsServed() {
        int served = 0;
        for (int n = 0; n < feeds; n++) {
            if (requestsPerFeed.get(n) > 0) {
                served++;
            }
        }
        return served;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            lastRequestNanos.set(System.nanoTime());
            requests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            int n;
            try {
                n = Integer.parseInt(path.substring("/f/".length(), path.length() - ".xml".length()));
            } catch (RuntimeException e) {
                n = -1;
            }
            if (n < 0 || n >= feeds) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            requestsPerFeed.incrementAndGet(n);
            int v = version.get(n);
            long modified = modifiedAt.get(n);
            String etag = "\"" + n + "-" + v + "\"";
            String lastModified = HTTP_DATE.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(modified), ZoneOffset.UTC));
            ex.getResponseHeaders().add("ETag", etag);
            ex.getResponseHeaders().add("Last-Modified", lastModified);
            if (unchanged(ex, etag, modified)) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = bodies.get(n);
            if (body == null) {
                body = render(n, v, modified);
                bodies.set(n, body);
            }
            ok.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } finally {
            ex.close();
        }
    }

    /** If-None-Match decides when sent; else If-Modified-Since at or after the feed's Last-Modified. */
    private static boolean unchanged(HttpExchange ex, String etag, long modified) {
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (inm != null) {
            return inm.trim().equals(etag) || inm.trim().equals("W/" + etag);
        }
        String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
        if (ims != null) {
            try {
                return ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond() >= modified;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** The newest {@code itemsPerFeed} items of feed n at version v (item k's text depends only on n and k). */
    private byte[] render(int n, int v, long modified) {
        StringBuilder xml = new StringBuilder(512 + itemsPerFeed * 600);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Farm feed ")
                .append(n).append("</title><link>http://farm.example/").append(n)
                .append("/</link><description>Local news, feed ").append(n).append("</description>\n");
        for (int k = v; k > v - itemsPerFeed && k > 0; k--) {
            String subject = SUBJECTS[(n + k) % SUBJECTS.length];
            String action = ACTIONS[(n * 7 + k) % ACTIONS.length];
            Instant published = Instant.ofEpochSecond(modified - (long) (v - k) * 600);
            xml.append("<item><guid isPermaLink=\"false\">farm-").append(n).append('-').append(k).append("</guid><title>")
                    .append(subject).append(' ').append(action).append(" (").append(n).append('/').append(k)
                    .append(")</title><link>http://farm.example/").append(n).append('/').append(k)
                    .append("</link><pubDate>")
                    .append(HTTP_DATE.format(ZonedDateTime.ofInstant(published, ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(subject).append(' ').append(action)
                    .append(", according to a statement published on Monday, item ").append(k).append(" of feed ")
                    .append(n).append('.').append(FILLER).append("</description></item>\n");
        }
        xml.append("</channel></rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.pactwatch.poller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** Local HTTP server with well-behaved and hostile feeds for the poller's integration tests; logs every request. */
class FixtureFeedServer implements AutoCloseable {

    final HttpServer server;
    final Map<String, List<Instant>> requests = new ConcurrentHashMap<>();
    volatile boolean guidRenamed;
    volatile String newsTitle = "Envoys hold fourth round of security talks";
    final AtomicInteger limitedCalls = new AtomicInteger();
    final AtomicInteger flakyFailuresLeft = new AtomicInteger(3);

    FixtureFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Instant> requestsTo(String path) {
        return requests.getOrDefault(path, List.of());
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Fixture</title>"
                + "<link>http://fixture.example/</link><description>d</description>" + String.join("", items) + "</channel></rss>";
    }

    static String item(String guid, String title) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title><link>http://fixture.example/"
                + guid + "</link><pubDate>Mon, 06 May 2024 16:20:00 GMT</pubDate><description>Text of " + guid + ".</description></item>";
    }

    static final String ARTICLE_PAGE = """
            <!DOCTYPE html><html><head><title>Accord | Fixture Daily</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav>
            <article><h1>Accord signed at the summit</h1>
              <p>Leaders of the two countries put their names to a long-term security accord on the sidelines of the
                 summit, closing negotiations that began the previous summer.</p>
              <div class="newsletter-box"><p>Get the evening briefing in your inbox: subscribe now.</p></div>
              <p>The document promises consultations within a day after any renewed attack and sets out years of
                 military and financial help, negotiators said after the ceremony.</p>
            </article>
            <section class="most-popular"><h2>Most read</h2><ul><li>Ten gadgets for the beach</li></ul></section>
            </body></html>""";

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
        switch (path) {
            case "/news.xml" -> {
                String body = rss(item("news-000001", newsTitle), item("news-000002", "Delegations agree to meet again"));
                String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
                ex.getResponseHeaders().add("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    ex.close();
                } else {
                    send(ex, 200, body);
                }
            }
            case "/restart.xml" -> send(ex, 200, rss(item("restart-000001", "Partners sign accord in Apulia"),
                    item("restart-000002", "Talks continue next week")));
            case "/fulltext.xml" -> send(ex, 200, rss("<item><guid>fulltext-000001</guid><title>Accord signed at the summit</title>"
                    + "<link>" + url("/article.html") + "</link><description>Short teaser.</description></item>",
                    "<item><guid>fulltext-000002</guid><title>Page gone</title><link>" + url("/gone.html")
                    + "</link><description>Teaser of a page that is gone.</description></item>"));
            case "/article.html" -> send(ex, 200, ARTICLE_PAGE, "text/html; charset=utf-8");
            case "/guid-change.xml" -> send(ex, 200, rss("<item><guid isPermaLink=\"false\">" + (guidRenamed ? "cms2-77812" : "cms1-00451")
                    + "</guid><title>Talks open on a bilateral security accord</title>"
                    + "<link>http://fixture.example/world/talks-open?utm_source=rss</link>"
                    + "<pubDate>Fri, 25 Aug 2023 09:00:00 GMT</pubDate><description>Talks opened.</description></item>"));
            case "/xxe.xml" -> send(ex, 200, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                    + "<rss version=\"2.0\"><channel><title>x</title><link>http://x.example/</link><description>d</description>"
                    + "<item><title>&xxe;</title><link>http://x.example/1</link></item></channel></rss>");
            case "/laughs.xml" -> {
                StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lol\">");
                for (int i = 1; i <= 9; i++) {
                    dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
                }
                send(ex, 200, dtd + "]><rss version=\"2.0\"><channel><title>&l9;</title><link>http://l.example/</link>"
                        + "<description>d</description><item><title>&l9;</title><link>http://l.example/1</link></item></channel></rss>");
            }
            case "/limited.xml" -> {
                if (limitedCalls.getAndIncrement() == 0) {
                    ex.getResponseHeaders().add("Retry-After", "3");
                    send(ex, 429, "slow down");
                } else {
                    send(ex, 200, rss(item("limited-000001", "Patience rewarded")));
                }
            }
            case "/flaky.xml" -> {
                if (flakyFailuresLeft.getAndDecrement() > 0) {
                    send(ex, 500, "broken");
                } else {
                    send(ex, 200, rss(item("flaky-000001", "Back on air")));
                }
            }
            case "/bomb.xml" -> {
                ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 64; i++) {
                        gz.write(zeros);
                    }
                }
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
                ex.sendResponseHeaders(200, compressed.size());
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(compressed.toByteArray());
                }
            }
            case "/slow.xml" -> {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 60; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException e) {
                    // the poller hung up: expected
                }
            }
            case "/to-private.xml" -> {
                ex.getResponseHeaders().add("Location", "http://10.255.255.1/feed.xml");
                ex.sendResponseHeaders(302, -1);
                ex.close();
            }
            case "/page.html" -> send(ex, 200, "<!DOCTYPE html><html><body>Just a page</body></html>", "text/html; charset=utf-8");
            default -> send(ex, 404, "no");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, body, "application/rss+xml; charset=utf-8");
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

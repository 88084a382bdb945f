package io.pactwatch.poller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A local HTTP server that answers each path with one kind of hostile feed (entity tricks, bombs, oversize and
 * dripping bodies, broken encodings, HTML, empty answers, redirect loops and redirects into the internal network),
 * plus one healthy feed whose items the test can add to while the hostile ones keep failing.
 */
class HostileFeedServer implements AutoCloseable {

    static final int FIFTY_MB = 50 * 1024 * 1024;

    private final HttpServer server;
    final List<String> healthyItems = new CopyOnWriteArrayList<>();
    final String run;

    HostileFeedServer(String run) throws IOException {
        this.run = run;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(12));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    static String rss(String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Hostile</title>"
                + "<link>http://hostile.example/</link><description>d</description><item><guid>hostile-0001</guid>"
                + "<title>" + title + "</title><link>http://hostile.example/1</link></item></channel></rss>";
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try {
            switch (path) {
                case "/healthy.xml" -> {
                    StringBuilder items = new StringBuilder();
                    healthyItems.forEach(guid -> items.append("<item><guid isPermaLink=\"false\">").append(guid)
                            .append("</guid><title>Healthy item ").append(guid).append("</title><link>http://healthy.example/")
                            .append(guid).append("</link><description>Still served.</description></item>"));
                    send(ex, "application/rss+xml; charset=utf-8", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                            + "<channel><title>Healthy</title><link>http://healthy.example/</link><description>d</description>"
                            + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
                }
                case "/xxe.xml" -> send(ex, "application/rss+xml", ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM"
                        + " \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>x</title><link>http://x.example/</link>"
                        + "<description>d</description><item><title>&xxe;</title><link>http://x.example/1</link></item>"
                        + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
                case "/laughs.xml" -> {
                    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lol\">");
                    for (int i = 1; i <= 9; i++) {
                        dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
                    }
                    send(ex, "application/rss+xml", (dtd + "]>" + rss("&l9;").substring(rss("").indexOf("<rss")))
                            .getBytes(StandardCharsets.UTF_8));
                }
                case "/gzip-bomb.xml" -> {
                    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
                        byte[] zeros = new byte[1 << 20];
                        for (int i = 0; i < 64; i++) {
                            gz.write(zeros);
                        }
                    }
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                    send(ex, "application/rss+xml", compressed.toByteArray());
                }
                case "/50mb-declared.xml" -> streamFiftyMb(ex, FIFTY_MB);
                case "/50mb-chunked.xml" -> streamFiftyMb(ex, 0);
                case "/slow-drip.xml" -> {
                    ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 40; i++) {
                            out.write(' ');
                            out.flush();
                            Thread.sleep(500);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "/invalid-utf8.xml" -> send(ex, "application/rss+xml; charset=utf-8",
                        rss("Talks \u00ff\u00fe resume").getBytes(StandardCharsets.ISO_8859_1));
                case "/unknown-encoding.xml" -> send(ex, "application/rss+xml",
                        rss("x").replace("UTF-8", "x-pactwatch-unknown").getBytes(StandardCharsets.UTF_8));
                case "/control-chars.xml" -> send(ex, "application/rss+xml", rss("a\u0000\u0001b").getBytes(StandardCharsets.UTF_8));
                case "/page.html" -> send(ex, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><body><h1>Not a feed</h1></body></html>".getBytes(StandardCharsets.UTF_8));
                case "/html-as-rss.xml" -> send(ex, "application/rss+xml",
                        "  <html><head><title>Login</title></head><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8));
                case "/json.xml" -> send(ex, "application/json", "{\"items\":[]}".getBytes(StandardCharsets.UTF_8));
                case "/empty.xml" -> {
                    ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
                    ex.sendResponseHeaders(200, -1);
                }
                case "/loop-a.xml" -> redirect(ex, "/loop-b.xml");
                case "/loop-b.xml" -> redirect(ex, url("/loop-a.xml"));
                case "/to-metadata.xml" -> redirect(ex, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
                case "/to-decimal-loopback.xml" -> redirect(ex, "http://2130706433:" + port() + "/healthy.xml");
                case "/to-file.xml" -> redirect(ex, "file:///etc/passwd");
                default -> send(ex, "text/plain", "internal only: should never be fetched".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the poller hung up (cap, timeout): expected for the hostile cases
        } finally {
            ex.close();
        }
    }

    /** 50 MB of valid RSS items, with a Content-Length when {@code declared} > 0, else chunked. */
    private static void streamFiftyMb(HttpExchange ex, long declared) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        byte[] head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title><link>http://h.example/</link><description>d</description>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] item = "<item><title>Filler item</title><link>http://h.example/f</link><description>0123456789</description></item>\n"
                .getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, declared);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(head);
            long written = head.length;
            while (written + item.length <= FIFTY_MB) {
                out.write(item);
                written += item.length;
            }
            byte[] pad = new byte[(int) (FIFTY_MB - written)];
            java.util.Arrays.fill(pad, (byte) ' ');
            out.write(pad);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

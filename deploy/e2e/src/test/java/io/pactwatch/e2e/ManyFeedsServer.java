package io.pactwatch.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

/** Serves {@code /f/<n>.xml}, one small RSS feed per n with one item and an ETag, and logs every request per feed. */
final class ManyFeedsServer implements AutoCloseable {

    private final HttpServer server;
    final Map<Integer, List<Instant>> requests = new ConcurrentHashMap<>();

    ManyFeedsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/f/", this::handle);
        server.start();
    }

    String url(int n) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/f/" + n + ".xml";
    }

    private void handle(HttpExchange ex) throws IOException {
        int n = Integer.parseInt(ex.getRequestURI().getPath().replaceAll("\\D", ""));
        requests.computeIfAbsent(n, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
        String body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Scale " + n + "</title>"
                + "<link>http://scale.example/</link><description>d</description><item><guid isPermaLink=\"false\">scale-item-"
                + n + "</guid><title>Local council meets, item " + n + "</title><link>http://scale.example/" + n
                + "</link></item></channel></rss>";
        String etag = "\"s" + n + "\"";
        ex.getResponseHeaders().add("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

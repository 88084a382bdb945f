package io.pactwatch.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactwatch.contracts.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local stand-in for Slack incoming webhooks: records every message POSTed to {@code /hooks/<name>} and answers
 * 200 "ok" like Slack does. {@code GET /messages} lists what arrived. Used by the local demo and the end-to-end test.
 */
public final class SlackCapture implements AutoCloseable {

    /** One received webhook call. */
    public record Received(String hook, Instant at, JsonNode payload) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, java.util.Deque<int[]>> scripted = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Consumer<Received> listener = r -> {
    };

    public SlackCapture(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 32);
        server.createContext("/hooks/", this::hook);
        server.createContext("/messages", this::list);
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    public SlackCapture start() {
        server.start();
        return this;
    }

    public void onMessage(Consumer<Received> listener) {
        this.listener = listener;
    }

    /**
     * The next calls to hook {@code name} answer these statuses in turn (each {@code {status, retryAfterSeconds}},
     * retry-after 0 for none, or {@code {status, retryAfterSeconds, delayMillis}} to answer only after a delay, e.g.
     * longer than the sender's timeout) instead of 200; a non-200 call is not recorded as received. A scripted 200
     * with a delay accepts: the message is recorded at once and the 200 comes late, like a receiver that posted the
     * message but whose answer the sender no longer waits for. For fault tests.
     */
    public void script(String name, int[]... responses) {
        scripted.computeIfAbsent(name, k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addAll(List.of(responses));
    }

    /** Every call (answered or not) per hook, for pacing and retry checks. */
    public List<Instant> attempts(String name) {
        return attempts.getOrDefault(name, List.of());
    }

    private final java.util.Map<String, List<Instant>> attempts = new java.util.concurrent.ConcurrentHashMap<>();

    public String webhookUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private void hook(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.send(exchange, 405, "text/plain", "POST only");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String hook = exchange.getRequestURI().getPath().substring("/hooks/".length());
        attempts.computeIfAbsent(hook, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
        java.util.Deque<int[]> script = scripted.get(hook);
        int[] scriptedResponse = script == null ? null : script.poll();
        int delayMillis = scriptedResponse != null && scriptedResponse.length > 2 ? scriptedResponse[2] : 0;
        if (scriptedResponse != null && scriptedResponse[0] != 200) {
            pause(delayMillis);
            if (scriptedResponse[1] > 0) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(scriptedResponse[1]));
            }
            Exchanges.send(exchange, scriptedResponse[0], "text/plain", scriptedResponse[0] == 404 ? "no_service" : "rate_limited");
            return;
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(body);
        } catch (IOException e) {
            Exchanges.send(exchange, 400, "text/plain", "invalid_payload");
            return;
        }
        // accepted: the message is recorded (as posted to the channel) before a scripted late answer
        Received r = new Received(hook, Instant.now(), payload);
        received.add(r);
        listener.accept(r);
        pause(delayMillis);
        Exchanges.send(exchange, 200, "text/plain", "ok");
    }

    private static void pause(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Exchanges.send(exchange, 200, "application/json", Json.write(received));
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

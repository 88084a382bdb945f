package io.pactwatch.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwatch.classifier.rest.ClassifyResource;
import io.pactwatch.contracts.Json;
import io.pactwatch.local.testing.ApiOperations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, API abuse on the classifier's public HTTP API: every operation of its OpenAPI document (checked against
 * the JAX-RS methods compiled into it) is sent invalid JSON, wrong content types, missing and blank fields, an
 * absurdly large body, huge strings, deeply nested JSON and the wrong HTTP methods. Each must answer 4xx with a JSON
 * body {@code {"errors":[…]}} that names the problem without echoing the input, never 5xx, and the service must go on
 * classifying afterwards. (A body over the limit sent chunked, without Content-Length, is cut off by Quarkus instead.)
 */
@QuarkusTest
class ClassifyApiAbuseTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String VALID = "{\"title\":\"Ukraine and Japan sign security agreement\",\"content\":"
            + "\"Ukraine and Japan signed a bilateral security agreement on Thursday.\",\"publishedAt\":\"2024-06-13T19:00:00Z\"}";

    /** One abusive request and what it must get: the status and a word the error message must contain. */
    record Abuse(String name, String method, String contentType, String body, int status, String says) {
    }

    static List<Abuse> abuses() {
        String deepArrays = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObjects = "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
        return List.of(
                new Abuse("malformed JSON", "POST", "application/json", "{not json", 400, "not valid JSON"),
                new Abuse("truncated JSON", "POST", "application/json", "{\"title\":\"x\"", 400, "not valid JSON"),
                new Abuse("empty body", "POST", "application/json", "", 400, "title is required"),
                new Abuse("JSON null", "POST", "application/json", "null", 400, "title is required"),
                new Abuse("JSON array", "POST", "application/json", "[1,2]", 400, "JSON object"),
                new Abuse("JSON string", "POST", "application/json", "\"a title\"", 400, "JSON object"),
                new Abuse("no title", "POST", "application/json", "{\"content\":\"Ukraine signed.\"}", 400, "title is required"),
                new Abuse("empty title", "POST", "application/json", "{\"title\":\"\"}", 400, "title is required"),
                new Abuse("blank title", "POST", "application/json", "{\"title\":\" \\t\\n \"}", 400, "title is required"),
                new Abuse("null title", "POST", "application/json", "{\"title\":null}", 400, "title is required"),
                new Abuse("object as title", "POST", "application/json", "{\"title\":{\"a\":1}}", 400, "field title"),
                new Abuse("array as content", "POST", "application/json", "{\"title\":\"x\",\"content\":[\"a\"]}", 400, "field content"),
                new Abuse("unparseable date", "POST", "application/json", "{\"title\":\"x\",\"publishedAt\":\"yesterday\"}", 400, "publishedAt"),
                new Abuse("text/plain", "POST", "text/plain", "title=x", 415, "Content-Type"),
                new Abuse("XML", "POST", "application/xml", "<article><title>x</title></article>", 415, "Content-Type"),
                new Abuse("form", "POST", "application/x-www-form-urlencoded", "title=x", 415, "Content-Type"),
                new Abuse("huge title (100,000 chars)", "POST", "application/json",
                        "{\"title\":\"" + "Ukraine ".repeat(12_500) + "\"}", 400, "title"),
                new Abuse("huge content (1,200,000 chars)", "POST", "application/json",
                        "{\"title\":\"x\",\"content\":\"" + "Security talks. ".repeat(75_000) + "\"}", 400, "content"),
                new Abuse("huge url (10,000 chars)", "POST", "application/json",
                        "{\"title\":\"x\",\"url\":\"https://e.example/" + "a".repeat(10_000) + "\"}", 400, "url"),
                new Abuse("absurdly large body (20 MB)", "POST", "application/json",
                        "{\"title\":\"x\",\"content\":\"" + "a".repeat(20 * 1024 * 1024) + "\"}", 413, "larger than"),
                new Abuse("deeply nested arrays (100,000 levels)", "POST", "application/json", deepArrays, 400, "JSON object"),
                new Abuse("deeply nested arrays in an unknown field", "POST", "application/json",
                        "{\"title\":\"x\",\"extra\":" + deepArrays + "}", 400, "nest"),
                new Abuse("deeply nested objects (20,000 levels) in an unknown field", "POST", "application/json",
                        "{\"title\":\"x\",\"extra\":" + deepObjects + "}", 400, "nest"),
                new Abuse("deeply nested value as a field", "POST", "application/json",
                        "{\"title\":\"x\",\"summary\":" + deepArrays + "}", 400, "summary"),
                new Abuse("GET", "GET", null, null, 405, "method"),
                new Abuse("PUT", "PUT", "application/json", VALID, 405, "method"),
                new Abuse("DELETE", "DELETE", null, null, 405, "method"),
                new Abuse("PATCH", "PATCH", "application/json", VALID, 405, "method"));
    }

    @Test
    void everyAbuseOfEveryOperationAnswers4xxWithAJsonMessageAndTheServiceKeepsServing() throws Exception {
        List<ApiOperations.Operation> operations = ApiOperations.fromOpenApi(base());
        assertEquals(ApiOperations.compiledJaxRsMethods(ClassifyResource.class), operations.size(),
                "OpenAPI lists every compiled JAX-RS method: " + operations);
        assertTrue(operations.stream().anyMatch(o -> o.toString().equals("POST /api/classify")), operations.toString());
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        long slowest = 0;
        for (ApiOperations.Operation op : operations) {
            for (Abuse a : abuses()) {
                boolean bodyAbuse = "POST".equals(a.method());
                if (bodyAbuse ? !"POST".equals(op.method()) : a.method().equals(op.method())) {
                    continue; // bodies go to operations that take one; an operation's own method is not a wrong one
                }
                String method = a.method();
                sent++;
                long started = System.nanoTime();
                String problem;
                try {
                    problem = verdict(a, send(method, op.concretePath(), a.contentType(), a.body()));
                } catch (java.io.IOException e) {
                    problem = "no answer: " + e;
                }
                slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - started).toMillis());
                if (problem != null) {
                    wrong.add(op + " " + a.name() + ": " + problem);
                }
            }
        }
        String chunked = chunkedHugeBody();
        HttpResponse<String> after = send("POST", "/api/classify", "application/json", VALID);
        System.out.printf("api-abuse classifier | operations %d | abusive requests %d | answered as expected %d | slowest %d ms"
                + " | 20 MB chunked body: %s | valid request afterwards HTTP %d%n", operations.size(), sent, sent - wrong.size(), slowest,
                chunked, after.statusCode());
        assertTrue(wrong.isEmpty(), "abusive requests not answered with the expected 4xx and JSON message:\n" + String.join("\n", wrong));
        assertEquals(200, after.statusCode(), after.body());
        assertTrue(Json.mapper().readTree(after.body()).path("relevant").asBoolean(), "still classifying: " + after.body());
        assertEquals(200, send("GET", "/q/health/ready", null, null).statusCode(), "still ready");
    }

    /**
     * The largest article the API accepts (title, summary and content at their caps) is classified, within a bound:
     * the caps are what keeps one request from occupying a worker for long.
     */
    @Test
    void theLargestAcceptedArticleIsClassifiedInBoundedTime() throws Exception {
        String sentence = "Ukraine and Japan held talks on security guarantees in Kyiv on Monday. ";
        String body = Json.write(Map.of("title", "T".repeat(2_000), "summary", sentence.repeat(100_000 / sentence.length()),
                "content", sentence.repeat(500_000 / sentence.length()), "url", "https://e.example/" + "a".repeat(2_000),
                "publishedAt", "2024-06-13T19:00:00Z"));
        long started = System.nanoTime();
        HttpResponse<String> r = send("POST", "/api/classify", "application/json", body);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("api-abuse classifier | largest accepted article (%d bytes) | HTTP %d in %d ms%n", body.length(), r.statusCode(), millis);
        assertEquals(200, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        assertTrue(millis < 20_000, "classified in " + millis + " ms");
    }

    /**
     * A 20 MB body sent chunked (no Content-Length, so it cannot be refused up front) is read up to the limit and cut
     * off there ({@code BodyTooLarge}): a 413 in the API's error shape and a closed connection, which a client still
     * uploading may see as the connection closing instead. Never a 5xx.
     */
    static String chunkedHugeBody() throws Exception {
        String body = "{\"title\":\"x\",\"content\":\"" + "a".repeat(20 * 1024 * 1024) + "\"}";
        try {
            HttpResponse<String> r = send("POST", "/api/classify", "application/json", body, true);
            assertEquals(413, r.statusCode(), "a chunked body over the limit: " + r.body());
            assertTrue(r.body().contains("\"errors\"") && r.body().contains("larger than"), "a 413 with a message: " + r.body());
            return "HTTP 413 " + r.body();
        } catch (java.io.IOException e) {
            return "connection closed (" + e.getMessage() + ")";
        }
    }

    /** Null when the answer is right; else what is wrong with it. */
    static String verdict(Abuse a, HttpResponse<String> r) {
        String body = r.body();
        String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        if (r.statusCode() != a.status()) {
            return "HTTP " + r.statusCode() + " (expected " + a.status() + ") " + shown;
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return "Content-Type " + r.headers().firstValue("Content-Type").orElse("none") + " " + shown;
        }
        try {
            JsonNode errors = Json.mapper().readTree(body).path("errors");
            if (!errors.isArray() || errors.isEmpty() || !errors.get(0).asText().toLowerCase().contains(a.says().toLowerCase())) {
                return "no {\"errors\":[…" + a.says() + "…]} in " + shown;
            }
        } catch (Exception e) {
            return "not JSON: " + shown;
        }
        if (body.length() > 500) {
            return "answer of " + body.length() + " chars (the input echoed?)";
        }
        return null;
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return send(method, path, contentType, body, false);
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .method(method, publisher);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}

package io.pactwatch.poller;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.local.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.pactwatch.local.testing.ApiOperations;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, API abuse on the poller: every operation the running service publishes in its OpenAPI document (checked
 * against the JAX-RS methods compiled into the service, so a hidden one fails too) answers 401 without the admin
 * token, to path tricks as well; invalid bodies answer 400/422 with a message; the token never shows in a response
 * or in the log output captured while the test runs, nor does the password of a feed URL with credentials (nor the
 * database row, where it is stored sealed).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_poller_test"))
class ManagementApiAbuseTest {

    static final String SECRET = "test-admin-token";
    static final LogCapture LOGS = new LogCapture();

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @BeforeAll
    static void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(LOGS);
    }

    @AfterAll
    static void stopCapturing() {
        java.util.logging.Logger.getLogger("").removeHandler(LOGS);
    }

    @Test
    void everyPublishedOperationNeedsTheToken() {
        List<ApiOperations.Operation> operations = ApiOperations.fromOpenApi(base());
        assertEquals(ApiOperations.compiledJaxRsMethods(io.pactwatch.poller.rest.FeedResource.class), operations.size(),
                "OpenAPI lists every compiled JAX-RS method: " + operations);
        assertTrue(operations.size() >= 5, "the feed API's five operations at least: " + operations);
        List<String> open = new ArrayList<>();
        for (ApiOperations.Operation op : operations) {
            for (Map<String, String> headers : ApiOperations.badCredentials(SECRET)) {
                ApiOperations.Reply r = op.call(headers, "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9/x.xml\"}");
                if (r.status() != 401) {
                    open.add(op + " with " + headers + " -> " + r.status());
                }
                assertFalse(r.body().contains(SECRET), "the token never appears in a response");
            }
        }
        System.out.printf("api-abuse poller | operations %d | unauthenticated variants sent %d | answered 401 %d%n",
                operations.size(), operations.size() * ApiOperations.badCredentials(SECRET).size(),
                operations.size() * ApiOperations.badCredentials(SECRET).size() - open.size());
        assertTrue(open.isEmpty(), "reachable without the admin token: " + open);
    }

    @Test
    void pathTricksDoNotBypassTheToken() {
        List<String> leaked = ApiOperations.answeredWithoutToken(base(), List.of("//api/feeds", "/api//feeds", "/./api/feeds", "/api/./feeds",
                "/q/../api/feeds", "/%61pi/feeds", "/api/%66eeds", "/api%2ffeeds", "/api/feeds/", "/api/feeds;x=1",
                "/api/feeds?x=/q/health", "/API/feeds"));
        assertTrue(leaked.isEmpty(), "answered 2xx without the token: " + leaked);
    }

    @Test
    void invalidBodiesAnswer400Or422WithAMessage() {
        List<String[]> bodies = List.of(
                new String[] {"application/json", "{not json", "400"},
                new String[] {"application/json", "", "400"},
                new String[] {"application/json", "null", "400"},
                new String[] {"application/json", "[1,2]", "400"},
                new String[] {"application/json", "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9/a.xml\",\"intervalSeconds\":\"soon\"}", "400"},
                new String[] {"application/json", "{\"name\":{\"a\":1},\"url\":\"http://127.0.0.1:9/b.xml\"}", "400"},
                new String[] {"application/json", "{\"name\":\"x\"}", "422"},
                new String[] {"application/json", "{\"name\":\"x\",\"url\":\"javascript:alert(1)\"}", "422"},
                new String[] {"application/json", "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9/c.xml\",\"intervalSeconds\":0}", "422"},
                new String[] {"application/json", "{\"name\":\"" + "n".repeat(300) + "\",\"url\":\"http://127.0.0.1:9/d.xml\"}", "422"},
                new String[] {"application/json", "{\"name\":\"x\",\"url\":\"http://[::1\"}", "422"},
                new String[] {"text/plain", "name=x", "415"});
        List<String> wrong = new ArrayList<>();
        for (String[] b : bodies) {
            for (String method : List.of("POST", "PUT")) {
                var spec = given().header("Authorization", "Bearer " + SECRET).contentType(b[0]).body(b[1]);
                Response r = "POST".equals(method) ? spec.post("/api/feeds") : spec.put("/api/feeds/1");
                String body = r.asString();
                boolean statusOk = String.valueOf(r.statusCode()).equals(b[2])
                        || ("PUT".equals(method) && r.statusCode() == 404 && !"400".equals(b[2]) && !"415".equals(b[2]));
                boolean hasMessage = "415".equals(b[2]) || body.contains("\"errors\"") && body.length() > 15;
                if (!statusOk || !hasMessage) {
                    wrong.add(method + " " + b[1].substring(0, Math.min(40, b[1].length())) + " -> " + r.statusCode() + " " + body);
                }
            }
        }
        System.out.printf("api-abuse poller | invalid bodies sent %d | answered 400/415/422 with a message %d%n",
                bodies.size() * 2, bodies.size() * 2 - wrong.size());
        assertTrue(wrong.isEmpty(), "invalid bodies without a 400/422 and a message: " + wrong);
    }

    /** A body over the 1 MB limit, on every operation that takes one: a 413 in the API's error shape, not a bare one. */
    @Test
    void bodiesOverTheLimitAnswer413WithAMessage() {
        List<ApiOperations.Operation> operations = ApiOperations.fromOpenApi(base());
        List<String> wrong = ApiOperations.notRefusedAsTooLarge(operations, Map.of("Authorization", "Bearer " + SECRET), 1_100_000);
        long withBody = operations.stream().filter(ApiOperations.Operation::takesBody).count();
        System.out.printf("api-abuse poller | 1.1 MB bodies sent %d | answered 413 with a message %d%n", withBody, withBody - wrong.size());
        assertTrue(withBody >= 2, "POST and PUT /api/feeds at least: " + operations);
        assertTrue(wrong.isEmpty(), "oversized bodies not refused with a 413 and a message: " + wrong);
    }

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void theTokenNeverReachesTheLogs() throws Exception {
        // a failing feed makes the poller log, which proves the capture sees the service's records
        HostileFeedsTest.register("Log canary", "http://127.0.0.1:9/unreachable.xml");
        FeedPollingTest.await("the service's own log records captured", () -> !LOGS.containing("Log canary").isEmpty());
        given().header("Authorization", "Bearer " + SECRET).get("/api/feeds").then().statusCode(200);
        given().header("Authorization", "Bearer " + SECRET + "-almost").get("/api/feeds").then().statusCode(401);
        given().header("Authorization", "Bearer " + SECRET).contentType("application/json").body("{broken")
                .post("/api/feeds").then().statusCode(400);
        List<String> hits = LOGS.containing(SECRET);
        System.out.printf("api-abuse poller | log records captured %d | containing the admin token %d%n", LOGS.lines(), hits.size());
        assertTrue(hits.isEmpty(), "the admin token was logged: " + hits);
    }

    /**
     * Feed URLs with credentials: the poller fetches with the real ones (the feed server demands them), yet no answer
     * of the API (create, duplicate, update, refusal, list, read, health error), no per-feed error text and no log
     * record holds the password, raw or percent-decoded; the URL is shown as {@code http://reader:***@host/…}, and
     * its row in the database holds the credentials sealed, with neither the user name nor the password readable.
     */
    @Test
    void feedUrlPasswordsNeverShowInAnswersErrorTextsOrLogs() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "open%40sesame-" + run; // percent-encoded in the URL: the server expects open@sesame-<run>
        String decoded = "open@sesame-" + run;
        String wrong = "wrong-pw-" + run;
        String token = "tok-" + run + "-Zq9"; // a credential in the query instead
        List<String> secrets = List.of(password, decoded, wrong, "sesame-" + run, token);
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(("reader:" + decoded).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/private.xml", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(auth));
            byte[] body = (expected.equals(auth) ? FixtureFeedServer.rss(FixtureFeedServer.item("private-" + run, "Members only"))
                    : "who are you?").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", expected.equals(auth) ? "application/rss+xml" : "text/plain");
            ex.sendResponseHeaders(expected.equals(auth) ? 200 : 401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/token.xml", ex -> {
            boolean known = String.valueOf(ex.getRequestURI().getRawQuery()).equals("format=rss&api_key=" + token);
            byte[] body = (known ? FixtureFeedServer.rss(FixtureFeedServer.item("token-" + run, "Token holders only"))
                    : "who are you?").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(known ? 200 : 401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String hostAndPort = "127.0.0.1:" + server.getAddress().getPort();
            String goodUrl = "http://reader:" + password + "@" + hostAndPort + "/private.xml";
            String wrongUrl = "http://reader:" + wrong + "@" + hostAndPort + "/private.xml?again";
            List<String> answers = new ArrayList<>();
            Response created = feedCall("POST", "/api/feeds", "Credentials " + run + " good", goodUrl);
            answers.add(created.asString());
            assertEquals(201, created.statusCode(), created.asString());
            assertEquals("http://reader:***@" + hostAndPort + "/private.xml", created.jsonPath().getString("url"));
            long good = created.jsonPath().getLong("id");
            Response duplicate = feedCall("POST", "/api/feeds", "Credentials " + run + " good again", goodUrl);
            answers.add(duplicate.asString());
            assertEquals(409, duplicate.statusCode(), duplicate.asString());
            Response refused = feedCall("POST", "/api/feeds", "Credentials " + run + " inward", "http://reader:" + password + "@10.0.0.1/x.xml");
            answers.add(refused.asString());
            assertEquals(422, refused.statusCode(), refused.asString());
            Response wrongCreated = feedCall("POST", "/api/feeds", "Credentials " + run + " wrong", wrongUrl);
            answers.add(wrongCreated.asString());
            long bad = wrongCreated.then().statusCode(201).extract().jsonPath().getLong("id");
            Response updated = feedCall("PUT", "/api/feeds/" + bad, "Credentials " + run + " wrong", wrongUrl);
            answers.add(updated.asString());
            assertEquals(200, updated.statusCode(), updated.asString());

            Response withToken = feedCall("POST", "/api/feeds", "Credentials " + run + " token",
                    "http://" + hostAndPort + "/token.xml?format=rss&api_key=" + token);
            answers.add(withToken.asString());
            assertEquals("http://" + hostAndPort + "/token.xml?format=rss&api_key=***", withToken.then().statusCode(201)
                    .extract().jsonPath().getString("url"));
            long tokenFeed = withToken.jsonPath().getLong("id");

            FeedPollingTest.await("the feed with the right password fetched", () -> FeedPollingTest.feed(good).getLong("itemsPublished") >= 1);
            FeedPollingTest.await("the feed with the token fetched", () -> FeedPollingTest.feed(tokenFeed).getLong("itemsPublished") >= 1);
            FeedPollingTest.await("the feed with the wrong password failing with its 401",
                    () -> String.valueOf(FeedPollingTest.feed(bad).getString("lastError")).contains("401"));
            FeedPollingTest.await("the failed poll's log record captured", () -> !LOGS.containing("Credentials " + run + " wrong").isEmpty());
            assertTrue(authorizations.contains(expected), "the real credentials were sent: " + authorizations);

            String list = given().header("Authorization", "Bearer " + SECRET).get("/api/feeds").then().statusCode(200).extract().asString();
            answers.add(list);
            answers.add(given().header("Authorization", "Bearer " + SECRET).get("/api/feeds/" + good).asString());
            String badView = given().header("Authorization", "Bearer " + SECRET).get("/api/feeds/" + bad).asString();
            answers.add(badView);
            assertEquals("HTTP_ERROR: HTTP 401 from http://reader:***@" + hostAndPort + "/private.xml?again",
                    io.restassured.path.json.JsonPath.from(badView).getString("lastError"));

            // as stored: sealed with the test profile's credentials key, no user name or password left in the row
            List<String> storedUrls = new ArrayList<>();
            pool.preparedQuery("SELECT url FROM feed WHERE id = ANY($1) ORDER BY id").execute(io.vertx.mutiny.sqlclient.Tuple.of(
                    new Long[] {good, bad, tokenFeed})).await().atMost(java.time.Duration.ofSeconds(10))
                    .forEach(r -> storedUrls.add(r.getString("url")));
            assertEquals(3, storedUrls.size());
            assertTrue(storedUrls.subList(0, 2).stream().allMatch(u -> u.startsWith("http://" + io.pactwatch.poller.domain.CredentialSeal.PREFIX)
                    && !u.contains("reader")), "credentials stored sealed: " + storedUrls);
            assertTrue(storedUrls.get(2).startsWith("http://" + hostAndPort + "/token.xml?format=rss&api_key="
                    + io.pactwatch.poller.domain.CredentialSeal.PREFIX), "the query's token stored sealed: " + storedUrls.get(2));

            List<String> leaks = new ArrayList<>();
            for (String secret : secrets) {
                answers.stream().filter(a -> a.contains(secret)).forEach(a -> leaks.add("answer: " + a));
                LOGS.containing(secret).forEach(l -> leaks.add("log: " + l));
                storedUrls.stream().filter(u -> u.contains(secret)).forEach(u -> leaks.add("database: " + u));
            }
            System.out.printf("api-abuse poller | feed URL credentials | answers %d | log records captured %d | "
                    + "containing a password %d | fetches with the real credentials %d of %d%n", answers.size(), LOGS.lines(),
                    leaks.size(), authorizations.stream().filter(expected::equals).count(), authorizations.size());
            assertTrue(leaks.isEmpty(), "a feed URL password was shown or logged: " + leaks);
        } finally {
            server.stop(0);
        }
    }

    /**
     * Rows from before the key was set (credentials in clear) and rows sealed with a previous key (the test profile's
     * {@code previous-credentials-keys}) are sealed with the current key by the start-up pass, and still read as
     * entered; a row sealed with a key not configured at all is listed, never fetched with what it holds, and says why.
     */
    @Test
    void credentialsStoredInClearGetSealedAndAForeignSealIsRefused() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String clear = "http://old-reader:old-pass-" + run + "@127.0.0.1:9/old-" + run + ".xml";
        String foreign = io.pactwatch.poller.domain.CredentialSeal.of(java.util.Base64.getEncoder().encodeToString(
                ("another-key-" + run + "-0123456789a").getBytes())).seal("http://r:p@127.0.0.1:9/foreign-" + run + ".xml");
        String rotatedClear = "http://rot-reader:rot-pass-" + run + "@127.0.0.1:9/rotated-" + run + ".xml";
        String rotated = io.pactwatch.poller.domain.CredentialSeal.of(config.previousCredentialsKeys().orElseThrow().get(0))
                .seal(rotatedClear);
        long clearId = insertRow("Clear " + run, clear);
        long foreignId = insertRow("Foreign " + run, foreign);
        long rotatedId = insertRow("Rotated " + run, rotated);

        int sealed = repository.sealStoredCredentials().await().atMost(java.time.Duration.ofSeconds(10));
        String stored = storedUrl(clearId);
        assertTrue(sealed >= 2 && stored.startsWith("http://" + io.pactwatch.poller.domain.CredentialSeal.PREFIX)
                && !stored.contains("old-pass"), sealed + " sealed; stored as " + stored);
        assertEquals("http://old-reader:***@127.0.0.1:9/old-" + run + ".xml", FeedPollingTest.feed(clearId).getString("url"),
                "read back as entered (then redacted)");
        var currentKeyOnly = io.pactwatch.poller.domain.CredentialSeal.of(config.credentialsKey().orElseThrow());
        assertEquals(rotatedClear, currentKeyOnly.open(storedUrl(rotatedId)),
                "a row sealed with the previous key is now sealed with the current one: " + storedUrl(rotatedId));
        assertEquals(foreign, storedUrl(foreignId), "a seal this key cannot open is left as it is");
        FeedPollingTest.await("the foreign-sealed feed refused", () -> String.valueOf(FeedPollingTest.feed(foreignId)
                .getString("lastError")).startsWith("CREDENTIALS: "));
        System.out.printf("api-abuse poller | stored credentials | sealed at start %d | foreign seal: %s%n", sealed,
                FeedPollingTest.feed(foreignId).getString("lastError"));
    }

    @jakarta.inject.Inject
    io.pactwatch.poller.persistence.FeedRepository repository;

    @jakarta.inject.Inject
    io.pactwatch.poller.config.PollerConfig config;

    long insertRow(String name, String url) {
        return pool.preparedQuery("INSERT INTO feed (name, url, interval_seconds) VALUES ($1, $2, 1) RETURNING id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(name, url)).await().atMost(java.time.Duration.ofSeconds(10))
                .iterator().next().getLong("id");
    }

    String storedUrl(long id) {
        return pool.preparedQuery("SELECT url FROM feed WHERE id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().atMost(java.time.Duration.ofSeconds(10)).iterator().next().getString("url");
    }

    static Response feedCall(String method, String path, String name, String url) {
        return given().header("Authorization", "Bearer " + SECRET).contentType("application/json")
                .body(Map.of("name", name, "url", url, "intervalSeconds", 1)).request(method, path);
    }

    /** Keeps every log record the JVM emits while the test class runs. */
    static final class LogCapture extends Handler {
        private final List<String> records = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord r) {
            String message = r.getMessage();
            if (r.getParameters() != null && message != null) {
                message = message + " " + java.util.Arrays.toString(r.getParameters());
            }
            records.add(r.getLoggerName() + " " + message + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        int lines() {
            return records.size();
        }

        List<String> containing(String secret) {
            synchronized (records) {
                return records.stream().filter(s -> s.contains(secret)).toList();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

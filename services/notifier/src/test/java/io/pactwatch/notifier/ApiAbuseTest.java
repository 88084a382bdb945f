package io.pactwatch.notifier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.local.testing.ApiOperations;
import io.pactwatch.local.testing.RealInfrastructure;
import io.pactwatch.local.testing.SharedBroker;
import io.pactwatch.notifier.domain.SignedTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #10, API abuse on the notifier, on the real broker, PostgreSQL and SMTP server: every operation of the
 * OpenAPI document outside the public read API, the dashboard's public pages and the signed mail links answers 401
 * without the admin token (the dashboard's admin pages redirect to the sign-in);
 * invalid bodies answer 400/422 with a message; forged confirmation and unsubscribe tokens change nothing; CR/LF
 * in event text never reaches a mail header; and the admin token, signing secret, SMTP password, Slack and webhook
 * URLs and webhook secrets never appear in an API answer (but the one creation answer that hands out a webhook
 * secret) nor in the service's log file, written at DEBUG for pactwatch's own classes.
 * Runs under its own profile with its own topics, so the event topics other tests read stay untouched.
 */
@QuarkusTest
@TestProfile(ApiAbuseTest.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_notifier_test"))
@QuarkusTestResource(GreenMailResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiAbuseTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ADMIN_TOKEN = "abuse-admin-" + RUN + "-token";
    static final String SIGNING_SECRET = "abuse-signing-" + RUN + "-secret";
    static final String SMTP_PASSWORD = "abuse-smtp-" + RUN + "-password";
    static final String SLACK_HOOK = "T0" + RUN + "/B0" + RUN + "/slacksecret" + RUN;
    static final String GONE_HOOK = "gone" + RUN + "/deadsecret" + RUN;
    static final String WEBHOOK_PATH = "/wh/pathsecret" + RUN;
    static final String WEBHOOK_QUERY = "key=querysecret" + RUN;
    static final Path LOG_FILE = Path.of("target", "notifier-abuse-" + RUN + ".log").toAbsolutePath();
    static final String TOPIC = "abuse.articles.classified";
    static final String ANALYST = "analyst@pactwatch.test";

    /** Own topics, consumer group, token and secrets; a log file; SMTP with a password; short Slack timeouts. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("pactwatch.admin-token", ADMIN_TOKEN);
            c.put("%test.pactwatch.admin-token", ADMIN_TOKEN);
            c.put("pactwatch.notifier.signing-secret", SIGNING_SECRET);
            c.put("quarkus.mailer.username", "alerts");
            c.put("quarkus.mailer.password", SMTP_PASSWORD);
            c.put("quarkus.mailer.login", "REQUIRED");
            c.put("quarkus.log.file.enabled", "true");
            c.put("quarkus.log.file.path", LOG_FILE.toString());
            c.put("quarkus.log.category.\"io.pactwatch\".level", "DEBUG");
            c.put("mp.messaging.incoming.classified-articles-in.topic", TOPIC);
            c.put("mp.messaging.incoming.classified-articles-in.group.id", "pactwatch-notifier-abuse-" + RUN);
            c.put("mp.messaging.incoming.classified-articles-in.dead-letter-queue.topic", TOPIC + ".dlq");
            c.put("mp.messaging.outgoing.agreement-events-out.topic", "abuse.agreement-events");
            c.put("pactwatch.notifier.slack.timeout", "1s");
            c.put("pactwatch.notifier.dispatch.max-attempts", "2");
            return c;
        }
    }

    static SlackCapture slack;
    static ServerSocket hanging;
    static final List<Socket> held = new CopyOnWriteArrayList<>();
    static KafkaProducer<String, String> producer;
    /** Every API answer body the test received, to grep for secrets at the end. */
    static final List<String> answers = new CopyOnWriteArrayList<>();
    static long emailId;
    static String webhookSecret;

    @BeforeAll
    static void start() throws Exception {
        GreenMailResource.greenMail.setUser("alerts@pactwatch.test", "alerts", SMTP_PASSWORD);
        slack = new SlackCapture("127.0.0.1", 0).start();
        slack.script(GONE_HOOK, new int[] {404, 0});
        hanging = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(() -> {
            while (!hanging.isClosed()) {
                try {
                    held.add(hanging.accept()); // accept and never answer: the sender times out
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        slack.close();
        hanging.close();
        for (Socket s : held) {
            s.close();
        }
        producer.close();
    }

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    static String admin(String method, String path, String body) {
        var spec = given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json");
        if (body != null) {
            spec = spec.body(body);
        }
        var r = spec.request(method, path);
        answers.add(r.asString());
        return r.asString();
    }

    static final Set<String> PUBLIC = Set.of("GET /api/events", "GET /api/events/{id}", "GET /api/events/stream",
            "GET /api/articles", "GET /api/agreements", "GET /subscriptions/confirm", "POST /subscriptions/confirm",
            "GET /subscriptions/unsubscribe", "POST /subscriptions/unsubscribe",
            // the dashboard's pages: public reads, and the admin sign-in itself (DashboardTest covers the session)
            "GET /", "GET /feeds", "GET /fragments/live", "GET /events/{id}", "GET /admin/login", "POST /admin/login",
            "POST /admin/logout");

    /** Browser pages for admins: without a signed-in session they redirect to the sign-in page instead of a 401. */
    static final Set<String> ADMIN_PAGES = Set.of("GET /admin", "GET /admin/subscriptions");

    @Test
    @Order(1)
    void everyManagementOperationNeedsTheToken() {
        List<ApiOperations.Operation> operations = ApiOperations.fromOpenApi(base());
        assertEquals(ApiOperations.compiledJaxRsMethods(io.pactwatch.notifier.rest.SubscriptionResource.class), operations.size(),
                "OpenAPI lists every compiled JAX-RS method: " + operations);
        List<ApiOperations.Operation> managed = operations.stream().filter(op -> !PUBLIC.contains(op.toString())).toList();
        assertTrue(managed.size() >= 5, "the subscription API's five operations at least: " + managed);
        List<String> open = new ArrayList<>();
        int sent = 0;
        for (ApiOperations.Operation op : managed) {
            for (Map<String, String> headers : ApiOperations.badCredentials(ADMIN_TOKEN)) {
                ApiOperations.Reply r = op.call(headers, "{\"channel\":\"console\",\"target\":\"x\"}");
                sent++;
                answers.add(r.body());
                int expected = ADMIN_PAGES.contains(op.toString()) ? 303 : 401;
                if (r.status() != expected) {
                    open.add(op + " with " + headers + " -> " + r.status());
                }
            }
        }
        List<String> leaked = ApiOperations.answeredWithoutToken(base(), List.of("//api/subscriptions", "/api//subscriptions",
                "/./api/subscriptions", "/api/./subscriptions", "/api/events/../subscriptions", "/%61pi/subscriptions",
                "/api/%73ubscriptions", "/api%2fsubscriptions", "/api/subscriptions/", "/api/subscriptions;x=1",
                "/api/subscriptions?x=/api/events"));
        System.out.printf("api-abuse notifier | operations %d (public by design %d, management %d) | unauthenticated"
                + " calls %d | answered 401 %d | path tricks answered 2xx %d%n", operations.size(),
                operations.size() - managed.size(), managed.size(), sent, sent - open.size(), leaked.size());
        assertTrue(open.isEmpty(), "reachable without the admin token (or a session, for admin pages): " + open);
        assertTrue(leaked.isEmpty(), "path tricks reached the management API: " + leaked);
    }

    @Test
    @Order(2)
    void invalidBodiesAnswer400Or422WithAMessage() {
        List<String[]> cases = List.of(
                new String[] {"{not json", "400"}, new String[] {"", "400"}, new String[] {"[]", "400"},
                new String[] {"{\"channel\":\"slack\",\"eventTypes\":[\"NOPE\"]}", "400"},
                new String[] {"{\"channel\":\"email\",\"target\":\"a@b.test\",\"minCorroboration\":\"many\"}", "400"},
                new String[] {"{\"channel\":\"pigeon\",\"target\":\"x\"}", "422"},
                new String[] {"{\"channel\":\"email\"}", "422"},
                new String[] {"{\"channel\":\"email\",\"target\":\"a@b.test\\r\\nBcc: victim@evil.test\"}", "422"},
                new String[] {"{\"channel\":\"email\",\"target\":\"victim@evil.test,a@b.test\"}", "422"},
                new String[] {"{\"channel\":\"email\",\"target\":\"x,victim@evil.test\"}", "422"},
                new String[] {"{\"channel\":\"slack\",\"target\":\"http://hooks.slack.com/services/x\"}", "422"},
                new String[] {"{\"channel\":\"slack\",\"target\":\"https://evil.example/services/x\"}", "422"},
                new String[] {"{\"channel\":\"webhook\",\"target\":\"ftp://evil.example/x\"}", "422"},
                new String[] {"{\"channel\":\"console\",\"target\":\"x\",\"minCorroboration\":0}", "422"},
                new String[] {"{\"channel\":\"console\",\"target\":\"x\",\"counterparts\":[\"usa\"]}", "422"});
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases) {
            var r = given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json").body(c[0])
                    .post("/api/subscriptions");
            answers.add(r.asString());
            if (!String.valueOf(r.statusCode()).equals(c[1]) || !r.asString().contains("\"errors\"")) {
                wrong.add(c[0] + " -> " + r.statusCode() + " " + r.asString());
            }
        }
        var plain = given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("text/plain").body("channel=x")
                .post("/api/subscriptions");
        if (plain.statusCode() != 415) {
            wrong.add("text/plain -> " + plain.statusCode());
        }
        String put = given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                .body("{\"minCorroboration\":-1}").put("/api/subscriptions/999999").asString();
        answers.add(put);
        System.out.printf("api-abuse notifier | invalid bodies sent %d | answered 400/415/422 with a message %d%n",
                cases.size() + 1, cases.size() + 1 - wrong.size());
        assertTrue(wrong.isEmpty(), "invalid bodies without a 400/422 and a message: " + wrong);
        assertEquals(0, given().header("Authorization", "Bearer " + ADMIN_TOKEN).get("/api/subscriptions").then()
                .statusCode(200).extract().jsonPath().getList("$").size(), "nothing was created");
    }

    /** A body over the 1 MB limit, on every operation that takes one: a 413 in the API's error shape, not a bare one. */
    @Test
    @Order(2)
    void bodiesOverTheLimitAnswer413WithAMessage() {
        List<ApiOperations.Operation> operations = ApiOperations.fromOpenApi(base());
        List<String> wrong = ApiOperations.notRefusedAsTooLarge(operations, Map.of("Authorization", "Bearer " + ADMIN_TOKEN), 1_100_000);
        long withBody = operations.stream().filter(ApiOperations.Operation::takesBody).count();
        System.out.printf("api-abuse notifier | 1.1 MB bodies sent %d | answered 413 with a message %d%n", withBody, withBody - wrong.size());
        assertTrue(withBody >= 3, "the subscription API's POST and PUT and the mail links' POST at least: " + operations);
        assertTrue(wrong.isEmpty(), "oversized bodies not refused with a 413 and a message: " + wrong);

        // a chunked body within the limit is read as usual (the size check reads it first)
        ApiOperations.Reply created = new ApiOperations.Operation(base(), "POST", "/api/subscriptions").callChunked(
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN), "{\"channel\":\"webhook\",\"target\":\"http://127.0.0.1:9/chunked\",\"eventTypes\":[\"SIGNED\"]}");
        assertEquals(201, created.status(), created.body());
        long id = new io.restassured.path.json.JsonPath(created.body()).getLong("id");
        assertEquals("webhook", given().header("Authorization", "Bearer " + ADMIN_TOKEN).get("/api/subscriptions/" + id)
                .then().statusCode(200).extract().jsonPath().getString("channel"));
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).delete("/api/subscriptions/" + id).then().statusCode(204);
    }

    @Test
    @Order(3)
    void forgedConfirmAndUnsubscribeTokensChangeNothing() throws Exception {
        emailId = Long.parseLong(new io.restassured.path.json.JsonPath(admin("POST", "/api/subscriptions",
                "{\"channel\":\"email\",\"target\":\"" + ANALYST + "\",\"eventTypes\":[\"SIGNED\"]}")).getString("id"));
        NotifierFlowTest.await("the confirmation mail", () -> GreenMailResource.greenMail.getReceivedMessagesForDomain("pactwatch.test").length >= 1);
        String confirm = NotifierFlowTest.link(GreenMailResource.greenMail.getReceivedMessages()[0], "confirm");
        String token = java.net.URLDecoder.decode(confirm.substring(confirm.indexOf("token=") + 6), StandardCharsets.UTF_8);
        String[] parts = token.split("\\.");
        String devSecret = "pactwatch-dev-signing-secret-change-me";
        long otherId = emailId + 1;
        List<String> forgedConfirm = List.of("", "confirm", "confirm." + emailId, "confirm." + emailId + ".",
                "confirm." + emailId + ".AAAA", parts[0] + "." + parts[1] + "." + parts[2].substring(1),
                parts[0] + "." + otherId + "." + parts[2], parts[0] + ".0" + parts[1] + "." + parts[2],
                "unsubscribe." + parts[1] + "." + parts[2], token + ".x", token + "=", "confirm.-1." + parts[2],
                new SignedTokens(devSecret).token("confirm", emailId), "x".repeat(1500));
        int refused = 0;
        for (String forged : forgedConfirm) {
            for (String method : List.of("GET", "POST")) {
                int status = given().redirects().follow(false).queryParam("token", forged).request(method, "/subscriptions/confirm").statusCode();
                refused += status == 403 ? 1 : 0;
                assertEquals(403, status, method + " confirm with forged token " + forged.substring(0, Math.min(60, forged.length())));
            }
        }
        assertEquals("PENDING_CONFIRMATION", status(emailId), "no forged token confirmed the subscription");
        given().redirects().follow(false).get(confirm).then().statusCode(200);
        assertEquals("ACTIVE", status(emailId), "the genuine token confirms");

        SignedTokens real = new SignedTokens(SIGNING_SECRET);
        String unsubscribe = real.token("unsubscribe", emailId);
        String[] u = unsubscribe.split("\\.");
        List<String> forgedUnsubscribe = List.of("", "unsubscribe." + emailId, token, "unsubscribe." + emailId + "." + parts[2],
                u[0] + "." + otherId + "." + u[2], u[0] + "." + u[1] + "." + u[2].substring(2),
                new SignedTokens(devSecret).token("unsubscribe", emailId), real.token("webhook", emailId));
        for (String forged : forgedUnsubscribe) {
            for (String method : List.of("GET", "POST")) {
                int status = given().redirects().follow(false).queryParam("token", forged).request(method, "/subscriptions/unsubscribe").statusCode();
                refused += status == 403 ? 1 : 0;
                assertEquals(403, status, method + " unsubscribe with forged token " + forged);
            }
        }
        assertEquals("ACTIVE", status(emailId), "no forged token unsubscribed");
        System.out.printf("api-abuse notifier | forged tokens sent %d (confirm %d, unsubscribe %d, GET and POST)"
                + " | refused 403 %d | genuine confirm accepted%n", (forgedConfirm.size() + forgedUnsubscribe.size()) * 2,
                forgedConfirm.size() * 2, forgedUnsubscribe.size() * 2, refused);
    }

    @Test
    @Order(4)
    void crLfInEventTextNeverReachesMailHeadersAndSecretsStayOutOfAnswersAndLogs() throws Exception {
        // Subscriptions whose targets are credentials: a Slack hook, a 404ing hook, a hanging one, a signed webhook.
        long slackId = id(admin("POST", "/api/subscriptions", "{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl(SLACK_HOOK)
                + "\",\"eventTypes\":[\"SIGNED\"]}"));
        long goneId = id(admin("POST", "/api/subscriptions", "{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl(GONE_HOOK)
                + "\",\"eventTypes\":[\"SIGNED\"]}"));
        admin("POST", "/api/subscriptions", "{\"channel\":\"slack\",\"target\":\"http://127.0.0.1:" + hanging.getLocalPort()
                + "/hooks/hangsecret" + RUN + "\",\"eventTypes\":[\"SIGNED\"]}");
        String created = admin("POST", "/api/subscriptions", "{\"channel\":\"webhook\",\"target\":\"http://127.0.0.1:"
                + hanging.getLocalPort() + WEBHOOK_PATH + "?" + WEBHOOK_QUERY + "\",\"eventTypes\":[\"SIGNED\"]}");
        answers.remove(created); // the one answer allowed to hand out the webhook secret
        webhookSecret = new io.restassured.path.json.JsonPath(created).getString("webhookSecret");
        assertTrue(webhookSecret != null && webhookSecret.length() > 20, created);
        assertFalse(created.contains(WEBHOOK_PATH.substring(4)) || created.contains(WEBHOOK_QUERY), "URL redacted: " + created);

        String injected = "Japan\r\nBcc: victim@evil.test\r\nX-Injected: yes";
        ExtractedEvent e = new ExtractedEvent("JP", injected, EventType.SIGNED, null, LocalDate.parse("2024-06-13"),
                Certainty.CONFIRMED, 0.9, new Evidence("Signed.\r\nBcc: victim2@evil.test", 0, 7, "test"));
        ClassifiedArticle a = new ClassifiedArticle("abuse-" + RUN, 1, "wire\r\nX-Injected: outlet",
                "https://wire.example/abuse-" + RUN, "Accord signed\r\nBcc: victim3@evil.test", null,
                Instant.parse("2024-06-13T12:00:00Z"), true, 0.9, "test-1", Instant.now(),
                List.of(new TrackerVerdict("ua-security-agreements", true, 0.9, List.of(e))));
        producer.send(new ProducerRecord<>(TOPIC, a.articleId(), Json.write(a))).get();

        NotifierFlowTest.await("the alert mail", () -> alertMails().size() >= 1);
        NotifierFlowTest.await("the Slack alert", () -> slack.received().stream().anyMatch(r -> r.hook().equals(SLACK_HOOK)));
        NotifierFlowTest.await("the 404ing hook flagged failing", () -> "FAILING".equals(status(goneId)));
        Thread.sleep(3500); // the hanging hook and webhook: two attempts of 1 s each, with backoff
        MimeMessage alert = alertMails().get(0);
        List<String> headerLines = new ArrayList<>();
        for (Header h : Collections.list(alert.getAllHeaders())) {
            headerLines.add(h.getName() + ": " + h.getValue());
        }
        List<String> recipients = new ArrayList<>();
        for (Address r : alert.getAllRecipients()) {
            recipients.add(r.toString());
        }
        int evil = GreenMailResource.greenMail.getReceivedMessagesForDomain("evil.test").length;
        System.out.printf("api-abuse notifier | CR/LF event: alert mails %d | recipients %s | mails to the injected"
                + " domain %d | subject %s%n", alertMails().size(), recipients, evil, alert.getSubject());
        assertEquals(List.of(ANALYST), recipients);
        assertEquals(0, evil, "no mail reached an injected recipient");
        assertTrue(headerLines.stream().noneMatch(h -> h.startsWith("Bcc") || h.startsWith("X-Injected")), headerLines.toString());
        assertFalse(alert.getSubject().contains("\r") || alert.getSubject().contains("\n"), alert.getSubject());

        // Every API answer of this test, and what the subscription API shows now, against every secret.
        admin("GET", "/api/subscriptions", null);
        admin("GET", "/api/subscriptions/" + slackId, null);
        admin("GET", "/api/subscriptions/" + goneId, null);
        admin("PUT", "/api/subscriptions/" + slackId, "{\"eventTypes\":[\"SIGNED\",\"ROUND\"]}");
        String failing = admin("GET", "/api/subscriptions/" + goneId, null);
        assertTrue(failing.contains("HTTP 404"), "the failure reason is shown: " + failing);
        Map<String, String> secrets = secrets();
        List<String> inAnswers = new ArrayList<>();
        secrets.forEach((name, value) -> answers.stream().filter(body -> body.contains(value)).findFirst()
                .ifPresent(body -> inAnswers.add(name + " in " + body)));

        // Stored error texts (shown as failure reasons, logged on failure) are checked too.
        List<String> stored = new ArrayList<>();
        try (var db = NotifierFlowTest.database(); var st = db.createStatement();
                var rs = st.executeQuery("SELECT last_error FROM delivery WHERE last_error IS NOT NULL"
                        + " UNION ALL SELECT failure_reason FROM subscription WHERE failure_reason IS NOT NULL")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        System.out.printf("api-abuse notifier | stored error texts: %s%n", stored);
        assertTrue(stored.stream().anyMatch(t -> t.startsWith("network") || t.contains("attempts: network")), "the hanging hooks timed out: " + stored);
        List<String> inStored = new ArrayList<>();
        secrets.forEach((name, value) -> stored.stream().filter(t -> t.contains(value)).findFirst()
                .ifPresent(t -> inStored.add(name + " in " + t)));
        assertTrue(inStored.isEmpty(), "secrets in stored error texts: " + inStored);

        String log = Files.readString(LOG_FILE);
        List<String> inLogs = new ArrayList<>();
        secrets.forEach((name, value) -> {
            if (log.contains(value)) {
                inLogs.add(name);
            }
        });
        long lines = log.lines().count();
        System.out.printf("api-abuse notifier | secrets checked %d | API answers checked %d: secrets found %d | log"
                + " lines checked %d: secrets found %d %s%n", secrets.size(), answers.size(), inAnswers.size(), lines,
                inLogs.size(), inLogs);
        assertTrue(log.contains("subscription " + goneId + " failing"), "the log file holds the service's records");
        assertTrue(inAnswers.isEmpty(), "secrets in API answers: " + inAnswers);
        assertTrue(inLogs.isEmpty(), "secrets in the log: " + inLogs);
    }

    /** Each secret in the forms it could leak in: as is, URL-encoded, base64 (SMTP AUTH). */
    static Map<String, String> secrets() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("admin token", ADMIN_TOKEN);
        s.put("signing secret", SIGNING_SECRET);
        s.put("SMTP password", SMTP_PASSWORD);
        s.put("SMTP password (base64)", Base64.getEncoder().encodeToString(SMTP_PASSWORD.getBytes(StandardCharsets.UTF_8)));
        s.put("SMTP AUTH PLAIN", Base64.getEncoder().encodeToString(("\0alerts\0" + SMTP_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        s.put("Slack webhook path", "slacksecret" + RUN);
        s.put("Slack webhook path (encoded)", URLEncoder.encode(SLACK_HOOK, StandardCharsets.UTF_8));
        s.put("404ing Slack webhook path", "deadsecret" + RUN);
        s.put("hanging Slack webhook path", "hangsecret" + RUN);
        s.put("webhook URL path", "pathsecret" + RUN);
        s.put("webhook URL query", "querysecret" + RUN);
        s.put("webhook signing secret", webhookSecret);
        s.put("unsubscribe token", new SignedTokens(SIGNING_SECRET).token("unsubscribe", emailId).split("\\.")[2]);
        return s;
    }

    static List<MimeMessage> alertMails() {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : GreenMailResource.greenMail.getReceivedMessages()) {
            try {
                if (!m.getSubject().contains("Confirm")) {
                    out.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static long id(String json) {
        return new io.restassured.path.json.JsonPath(json).getLong("id");
    }

    static String status(long id) {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).get("/api/subscriptions/" + id).then()
                .statusCode(200).extract().jsonPath().getString("status");
    }
}

package io.pactwatch.notifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.Topics;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.local.testing.RealInfrastructure;
import io.pactwatch.local.testing.SharedBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.pactwatch.notifier.alerts.AlertPathWarmUp;
import io.pactwatch.notifier.alerts.Dispatcher;
import io.pactwatch.notifier.messaging.OutboxRelay;
import io.pactwatch.notifier.persistence.OutboxPruning;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The notifier on the real broker, PostgreSQL and SMTP server, with a local Slack stand-in: reports become events
 * exactly once, the event topic tells their latest state, and alerts go out once per matching subscription.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_notifier_test"))
@QuarkusTestResource(GreenMailResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifierFlowTest {

    static final String TRACKER = "ua-security-agreements";
    static final String TOKEN = "Bearer test-admin-token";
    static SlackCapture slack;

    @Inject
    Dispatcher dispatcher;
    @Inject
    AlertPathWarmUp warmUp;
    @Inject
    OutboxPruning pruning;
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackCapture("127.0.0.1", 0).start();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        slack.close();
        producer.close();
    }

    static ClassifiedArticle report(String articleId, String outlet, EventType type, Integer round, String date, String counterpart) {
        ExtractedEvent e = new ExtractedEvent(counterpart, counterpart.equals("US") ? "United States" : "Japan", type, round,
                LocalDate.parse(date), Certainty.CONFIRMED, 0.9, new Evidence("Evidence from " + outlet + ".", 0, 10, "test"));
        return new ClassifiedArticle(articleId, 1, outlet, "https://" + outlet + ".example/" + articleId, "Report " + articleId,
                null, Instant.parse(date + "T12:00:00Z"), true, 0.9, "test-1", Instant.now(),
                List.of(new TrackerVerdict(TRACKER, true, 0.9, List.of(e))));
    }

    static void send(ClassifiedArticle a) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, a.articleId(), Json.write(a))).get();
    }

    static long subscribe(String json) {
        return given().header("Authorization", TOKEN).contentType(ContentType.JSON).body(json)
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long eventCount() {
        return given().get("/api/events?size=500").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    @Order(1)
    void managementNeedsTheAdminToken() {
        given().get("/api/subscriptions").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").get("/api/subscriptions").then().statusCode(401);
        given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                .body("{\"channel\":\"slack\",\"target\":\"https://evil.example/x\"}").post("/api/subscriptions")
                .then().statusCode(422);
    }

    @Test
    @Order(2)
    void reportsBecomeEventsAndAlertsExactlyOnce() throws Exception {
        subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("all") + "\",\"eventTypes\":[\"ROUND\",\"SIGNING_PLANNED\",\"SIGNED\"]}");
        subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("japan") + "\",\"counterparts\":[\"JP\"]}");
        long emailId = subscribe("{\"channel\":\"email\",\"target\":\"analyst@pactwatch.test\"}");
        await("confirmation mail", () -> GreenMailResource.greenMail.getReceivedMessages().length == 1);

        // Before confirmation: round 4 reported by three outlets, in any order, one redelivered.
        send(report("a2", "wire", EventType.ROUND, 4, "2024-05-06", "US"));
        send(report("a1", "ledger", EventType.ROUND, 4, "2024-05-06", "US"));
        send(report("a3", "daily", EventType.ROUND, 4, "2024-05-06", "US"));
        send(report("a1", "ledger", EventType.ROUND, 4, "2024-05-06", "US"));
        await("one round-4 event with three sources", () -> given().get("/api/events?type=ROUND").then().extract()
                .jsonPath().getList("items.findAll { it.round == 4 && it.corroboration == 3 }").size() == 1);
        assertEquals(1, eventCount());

        String confirm = link(GreenMailResource.greenMail.getReceivedMessages()[0], "confirm");
        given().redirects().follow(false).get(confirm).then().statusCode(200);
        given().redirects().follow(false).get(confirm.replace("token=confirm.", "token=confirm.9")).then().statusCode(403);

        // After confirmation: a late round 3, a planned signing, the signing, and a poison record.
        send(report("b1", "ledger", EventType.ROUND, 3, "2024-04-29", "US"));
        send(report("c1", "daily", EventType.SIGNING_PLANNED, null, "2024-06-11", "US"));
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, "poison", "{this is not json")).get();
        send(report("d1", "wire", EventType.SIGNED, null, "2024-06-13", "US"));
        await("4 Slack alerts", () -> slack.received().size() >= 4);
        await("2 alert mails", () -> GreenMailResource.greenMail.getReceivedMessages().length >= 3);
        Thread.sleep(3000);

        List<String> headers = slack.received().stream().filter(r -> r.hook().equals("all"))
                .map(r -> r.payload().path("blocks").get(0).path("text").path("text").asText()).toList();
        assertEquals(4, headers.size(), "Slack alerts: " + headers);
        assertTrue(headers.get(0).contains("Fourth round of talks with United States"), headers.toString());
        // The later three articles have other keys, so other partitions: stored side by side, alerted in any order.
        List<String> later = headers.subList(1, 4);
        for (String expected : List.of("Third round", "Signing planned", "Agreement signed with United States")) {
            assertEquals(1, later.stream().filter(h -> h.contains(expected)).count(), expected + " once in " + later);
        }
        assertEquals(0, slack.received().stream().filter(r -> r.hook().equals("japan")).count(), "filtered out");

        MimeMessage[] mails = GreenMailResource.greenMail.getReceivedMessages();
        assertEquals(3, mails.length, "confirmation + round 3 + signed; round 4 came before confirmation");
        MimeMessage signed = java.util.Arrays.stream(mails, 1, 3).filter(m -> subject(m).contains("Agreement signed"))
                .findFirst().orElseThrow(() -> new AssertionError("no alert mail for the signing"));
        assertTrue(signed.getSubject().contains("Agreement signed with United States"), signed.getSubject());
        assertEquals("List-Unsubscribe=One-Click", signed.getHeader("List-Unsubscribe-Post")[0]);

        String unsubscribe = link(signed, "unsubscribe");
        given().redirects().follow(false).post(unsubscribe.replace("token=unsubscribe.", "token=unsubscribe.1")).then().statusCode(403);
        given().redirects().follow(false).post(unsubscribe).then().statusCode(200);
        given().header("Authorization", TOKEN).get("/api/subscriptions/" + emailId).then().body("status", equalTo("UNSUBSCRIBED"));

        assertEquals(1, readAll(Topics.ARTICLES_CLASSIFIED_DLQ).size(), "the poison record is dead-lettered");
    }

    @Test
    @Order(3)
    void theEventTopicReadFromTheStartHoldsEachEventsLatestState() throws Exception {
        Map<String, AgreementEvent> latest = new HashMap<>();
        for (ConsumerRecord<String, String> r : readAll(Topics.AGREEMENT_EVENTS)) {
            AgreementEvent e = Json.read(r.value(), AgreementEvent.class);
            assertEquals(e.eventId(), r.key());
            latest.merge(r.key(), e, (a, b) -> a.version() >= b.version() ? a : b);
        }
        assertEquals(4, latest.size(), latest.toString());
        AgreementEvent round4 = latest.values().stream().filter(e -> Integer.valueOf(4).equals(e.round())).findFirst().orElseThrow();
        assertEquals(3, round4.corroboration());
        assertEquals(3, round4.sources().size());
        AgreementEvent planned = latest.values().stream().filter(e -> e.type() == EventType.SIGNING_PLANNED).findFirst().orElseThrow();
        AgreementEvent signed = latest.values().stream().filter(e -> e.type() == EventType.SIGNED).findFirst().orElseThrow();
        assertEquals(planned.eventId(), signed.linkedEventId());
        assertEquals(signed.eventId(), planned.linkedEventId());
    }

    @Test
    @Order(4)
    void replayingTheClassifiedTopicChangesNothing() throws Exception {
        long before = eventCount();
        List<ConsumerRecord<String, String>> all = readAll(Topics.ARTICLES_CLASSIFIED);
        for (ConsumerRecord<String, String> r : all) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, r.key(), r.value())).get();
        }
        Thread.sleep(4000);
        assertEquals(before, eventCount());
        assertEquals(4, slack.received().stream().filter(r -> r.hook().equals("all")).count(), "no alert on replay");
    }

    @Test
    @Order(5)
    void slackRateLimitsAndErrorsAreRetriedAndA404MarksTheSubscriptionFailing() throws Exception {
        slack.script("flaky", new int[] {429, 2}, new int[] {500, 0});
        subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("flaky") + "\",\"eventTypes\":[\"SIGNED\"]}");
        long gone = subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("gone") + "\",\"eventTypes\":[\"SIGNED\"]}");
        slack.script("gone", new int[] {404, 0});
        send(report("j1", "wire", EventType.SIGNED, null, "2024-06-13", "JP"));
        await("the flaky hook's message", () -> slack.received().stream().anyMatch(r -> r.hook().equals("flaky")));
        List<Instant> attempts = slack.attempts("flaky");
        assertEquals(3, attempts.size(), "429, 500, then 200");
        assertTrue(Duration.between(attempts.get(0), attempts.get(2)).toMillis() >= 2000, "Retry-After: 2 honoured");
        assertEquals(1, slack.received().stream().filter(r -> r.hook().equals("flaky")).count());
        await("the 404 subscription failing", () -> "FAILING".equals(given().header("Authorization", TOKEN)
                .get("/api/subscriptions/" + gone).then().extract().jsonPath().getString("status")));
        assertEquals(1, slack.attempts("gone").size(), "no retry after a permanent failure");
    }

    @Test
    @Order(6)
    void manyEventsToOneWebhookArePacedAtOnePerSecond() throws Exception {
        subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("paced") + "\",\"eventTypes\":[\"ROUND\"]}");
        for (int i = 0; i < 8; i++) {
            send(report("p" + i, "wire", EventType.ROUND, 10 + i, "2024-07-0" + (i + 1), "JP"));
        }
        await("8 paced messages", () -> slack.received().stream().filter(r -> r.hook().equals("paced")).count() == 8);
        List<Instant> times = slack.attempts("paced");
        for (int i = 1; i < times.size(); i++) {
            long gap = Duration.between(times.get(i - 1), times.get(i)).toMillis();
            assertTrue(gap >= 950, "gap " + i + " was " + gap + " ms");
        }
    }

    @Test
    @Order(7)
    void readApiShowsEventsWithSourcesArticlesAndAgreementState() {
        String round4 = given().get("/api/events?counterpart=US&type=ROUND").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.round == 4 }.eventId");
        given().get("/api/events/" + round4).then().statusCode(200).body("sources.size()", equalTo(3))
                .body("corroboration", equalTo(3));
        given().get("/api/events/no-such-event").then().statusCode(404);
        given().get("/api/events?since=yesterday").then().statusCode(400);
        given().get("/api/articles?articleId=a1").then().statusCode(200).body("total", equalTo(1));
        given().get("/api/agreements").then().statusCode(200)
                .body("find { it.counterpart == 'US' }.stage", equalTo("SIGNED"))
                .body("find { it.counterpart == 'US' }.lastRound", equalTo(4))
                .body("find { it.counterpart == 'US' }.signedOn", equalTo("2024-06-13"));
    }

    /**
     * The state a notifier killed after committing leaves behind: one delivery claimed (SENDING) by the dead process
     * and never sent, one still PENDING. After the claim timeout the running dispatcher sends each exactly once.
     */
    @Test
    @Order(8)
    void deliveriesLeftByACrashedProcessAreSentOnce() throws Exception {
        long sub = subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("crash") + "\",\"eventTypes\":[\"ROUND\",\"SIGNED\"]}");
        List<String> events = given().get("/api/events?counterpart=US").then().extract().jsonPath().getList("items.eventId");
        try (Connection db = database(); Statement st = db.createStatement()) {
            st.executeUpdate("INSERT INTO delivery (subscription_id, event_id, status, attempts, claimed_until) VALUES ("
                    + sub + ", '" + events.get(0) + "', 'SENDING', 1, now() + interval '1 second')");
            st.executeUpdate("INSERT INTO delivery (subscription_id, event_id, status) VALUES (" + sub + ", '" + events.get(1) + "', 'PENDING')");
        }
        await("two recovered alerts", () -> slack.received().stream().filter(r -> r.hook().equals("crash")).count() >= 2);
        Thread.sleep(4000);
        assertEquals(2, slack.received().stream().filter(r -> r.hook().equals("crash")).count(), "each alert once");
        try (Connection db = database(); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM delivery WHERE subscription_id = " + sub + " AND status = 'SENT'")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    /** A webhook subscriber gets the event once, signed; the SSE stream shows the event live. */
    @Test
    @Order(9)
    void webhookBodiesAreSignedAndTheStreamShowsNewEvents() throws Exception {
        List<String[]> hooks = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            hooks.add(new String[] {exchange.getRequestHeaders().getFirst("X-Pactwatch-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        var sse = client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/events/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> sse.thenAccept(r -> r.body().forEach(streamed::add)));
        reader.setDaemon(true);
        reader.start();
        try {
            String secret = given().header("Authorization", TOKEN).contentType(ContentType.JSON)
                    .body("{\"channel\":\"webhook\",\"target\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                            + "/hook\",\"eventTypes\":[\"TALKS_OPENED\"],\"counterparts\":[\"PL\"]}")
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getString("webhookSecret");
            Thread.sleep(1000); // let the SSE subscription settle
            send(report("w1", "wire", EventType.TALKS_OPENED, null, "2024-02-01", "PL"));
            send(report("w2", "daily", EventType.TALKS_OPENED, null, "2024-02-01", "PL"));
            await("the webhook call", () -> hooks.size() >= 1);
            await("the corroborated event on the stream", () -> streamed.stream()
                    .anyMatch(l -> l.startsWith("data:") && l.contains("\"counterpart\":\"PL\"") && l.contains("\"corroboration\":2")));
            Thread.sleep(3000);
            assertEquals(1, hooks.size(), "one webhook call for one event");
            String body = hooks.get(0)[1];
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))), hooks.get(0)[0]);
            AgreementEvent event = Json.read(body, AgreementEvent.class);
            assertEquals("PL", event.counterpart());
            assertEquals(EventType.TALKS_OPENED, event.type());
        } finally {
            receiver.stop(0);
            sse.cancel(true);
        }
    }

    /**
     * Three dispatchers at once (the scheduled one and two more, as several replicas would run) over pending
     * deliveries to six webhooks: SKIP LOCKED claims give every delivery to exactly one of them.
     */
    @Test
    @Order(10)
    void concurrentDispatchersSendEachDeliveryOnce() throws Throwable {
        String event = given().get("/api/events?counterpart=US&type=SIGNED").then().extract().jsonPath().getString("items[0].eventId");
        List<Long> subs = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            subs.add(subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("replica" + i) + "\"}"));
        }
        try (Connection db = database(); Statement st = db.createStatement()) {
            for (long sub : subs) {
                st.executeUpdate("INSERT INTO delivery (subscription_id, event_id, status) VALUES (" + sub + ", '" + event + "', 'PENDING')");
            }
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var runs = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch());
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                    return null;
                }));
            }
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        await("six messages", () -> slack.received().stream().filter(r -> r.hook().startsWith("replica")).count() >= 6);
        Thread.sleep(3000);
        for (int i = 0; i < 6; i++) {
            String hook = "replica" + i;
            assertEquals(1, slack.attempts(hook).size(), hook + " got exactly one request");
        }
    }

    /** A round reported without a number, two days after round 4 of the same counterpart, is round 4. */
    @Test
    @Order(11)
    void aRoundWithoutNumberMergesWithTheNumberedRoundOnTheSameDays() throws Exception {
        long before = eventCount();
        long allHook = slack.received().stream().filter(r -> r.hook().equals("all")).count();
        send(report("n1", "weekly", EventType.ROUND, null, "2024-05-08", "US"));
        await("round 4 corroborated by the unnumbered report", () -> given().get("/api/events?counterpart=US&type=ROUND")
                .then().extract().jsonPath().getList("items.findAll { it.round == 4 && it.corroboration == 4 }").size() == 1);
        given().get("/api/articles?articleId=n1&since=2024-05-01T00:00:00Z").then().body("total", equalTo(1));
        given().get("/api/articles?since=2030-01-01T00:00:00Z").then().body("total", equalTo(0));
        Thread.sleep(2500);
        assertEquals(before, eventCount(), "no new event");
        assertEquals(allHook, slack.received().stream().filter(r -> r.hook().equals("all")).count(), "no alert for a corroboration");
    }

    /**
     * The first report of a Japan round (far from the rounds above) gives no number; the alert waits (the hold is 30 s) and leaves as soon as a
     * report naming the number arrives, saying which round it was: one alert, with the number, well before the hold.
     */
    @Test
    @Order(12)
    void anUnnumberedRoundsAlertWaitsForItsNumber() throws Exception {
        long japanRounds = japanRoundAlerts().size();
        long sentAt = System.nanoTime();
        send(report("u1", "weekly", EventType.ROUND, null, "2025-03-10", "JP"));
        await("the unnumbered Japan round stored", () -> given().get("/api/events?counterpart=JP&type=ROUND").then()
                .extract().jsonPath().getList("items.findAll { it.date == '2025-03-10' }").size() == 1);
        Thread.sleep(3000);
        assertEquals(japanRounds, japanRoundAlerts().size(), "held while the round has no number");

        send(report("u2", "ledger", EventType.ROUND, 1, "2025-03-10", "JP"));
        await("the Japan round alert", () -> japanRoundAlerts().size() > japanRounds);
        long waitedSeconds = Duration.ofNanos(System.nanoTime() - sentAt).toSeconds();
        assertTrue(waitedSeconds < 25, "released by the numbered report, not by the 30 s hold: " + waitedSeconds + " s");
        Thread.sleep(2500);
        List<String> alerts = japanRoundAlerts();
        assertEquals(japanRounds + 1, alerts.size(), "one alert: " + alerts);
        assertTrue(alerts.get(alerts.size() - 1).contains("First round of talks with Japan"), alerts.toString());
    }

    /** A subscription asking for two sources is alerted when the second report arrives, and never again. */
    @Test
    @Order(13)
    void aMinimumCorroborationAlertsOnceWhenReached() throws Exception {
        subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("two-sources")
                + "\",\"counterparts\":[\"JP\"],\"eventTypes\":[\"SIGNING_PLANNED\"],\"minCorroboration\":2}");
        send(report("m1", "ledger", EventType.SIGNING_PLANNED, null, "2024-06-10", "JP"));
        await("the planned signing stored", () -> given().get("/api/events?counterpart=JP&type=SIGNING_PLANNED").then()
                .extract().jsonPath().getList("items").size() == 1);
        Thread.sleep(2500);
        assertEquals(0, twoSourceAlerts(), "one source is not enough");

        send(report("m2", "wire", EventType.SIGNING_PLANNED, null, "2024-06-10", "JP"));
        await("the alert at two sources", () -> twoSourceAlerts() == 1);
        send(report("m3", "daily", EventType.SIGNING_PLANNED, null, "2024-06-10", "JP"));
        await("three sources", () -> given().get("/api/events?counterpart=JP&type=SIGNING_PLANNED").then()
                .extract().jsonPath().getInt("items[0].corroboration") == 3);
        Thread.sleep(2500);
        assertEquals(1, twoSourceAlerts(), "the third source alerts nobody again");
    }

    /**
     * A record that parses but that PostgreSQL refuses (a NUL character in its title) fails its batch's transaction; the
     * batch is then stored one by one, so that record alone is dead-lettered (after the test profile's 5 s of retries)
     * and the articles after it, in the same partition and poll, are stored (one of them names no event: relevant,
     * but nothing to lock or apply).
     */
    @Test
    @Order(14)
    void aRecordTheStoreCannotTakeIsDeadLetteredAloneAndTheRestOfItsBatchIsStored() throws Exception {
        int deadLettered = readAll(Topics.ARTICLES_CLASSIFIED_DLQ).size();
        String refused = Json.write(report("x1", "wire", EventType.ROUND, 9, "2024-09-01", "US"))
                .replace("\"Report x1\"", "\"Report\\u0000x1\"");
        assertTrue(refused.contains("\\u0000"), refused);
        ClassifiedArticle fine = report("x2", "wire", EventType.TALKS_OPENED, null, "2023-08-25", "US");
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, "one-partition", refused));
        ClassifiedArticle eventless = report("x3", "wire", EventType.ROUND, 1, "2023-08-25", "US");
        eventless = new ClassifiedArticle("x3", 1, "wire", eventless.url(), eventless.title(), null, eventless.publishedAt(),
                true, 0.6, "test-1", Instant.now(), List.of(new TrackerVerdict(TRACKER, true, 0.6, List.of())));
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, "one-partition", Json.write(fine)));
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, "one-partition", Json.write(eventless))).get();
        await("the talks stored", () -> given().get("/api/events?counterpart=US&type=TALKS_OPENED").then()
                .extract().jsonPath().getList("items").size() == 1);
        await("the refused record dead-lettered", () -> readAll(Topics.ARTICLES_CLASSIFIED_DLQ).size() == deadLettered + 1);
        assertEquals(0, given().get("/api/events?counterpart=US&type=ROUND").then().extract().jsonPath()
                .getList("items.findAll { it.round == 9 }").size());
        // a relevant article that names no event is stored as an article, and changes no event
        await("the eventless article stored", () -> given().get("/api/articles?articleId=x3&since=2023-08-01T00:00:00Z")
                .then().extract().jsonPath().getInt("total") == 1);
    }

    /**
     * The start-up rehearsal of the alert path (stores a made-up article in a transaction it rolls back) runs the whole
     * path (its event change is rendered) and leaves nothing behind: no article, event, outbox row or delivery, though
     * subscriptions that match every event exist by now.
     */
    @Test
    @Order(15)
    void theStartUpRehearsalOfTheAlertPathLeavesNothingBehind() throws Exception {
        assertEquals(1, warmUp.rehearse(3).await().atMost(Duration.ofSeconds(30)), "the rehearsal changed one event");
        try (Connection db = database(); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM article WHERE article_id = 'pactwatch-warm-up'),"
                        + " (SELECT count(*) FROM agreement_event WHERE counterpart = 'ZZ'),"
                        + " (SELECT count(*) FROM event_outbox WHERE payload LIKE '%pactwatch-warm-up%'),"
                        + " (SELECT count(*) FROM delivery d JOIN agreement_event e ON e.id = d.event_id WHERE e.counterpart = 'ZZ'),"
                        + " (SELECT count(*) FROM subscription WHERE status = 'ACTIVE' AND counterparts = '{}')")) {
            rs.next();
            assertEquals(List.of(0, 0, 0, 0), List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
            assertTrue(rs.getInt(5) > 0, "a subscription the rehearsal's event matches");
        }
    }

    /**
     * Relayed event versions older than the retention leave the outbox; a recent one and one not yet relayed stay. The
     * test holds the relay's lock meanwhile, so the relay does not publish (and stamp) the unrelayed row under it.
     */
    @Test
    @Order(16)
    void relayedVersionsOlderThanTheRetentionArePrunedAndUnrelayedOnesKept() throws Throwable {
        try (Connection db = database(); Statement st = db.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            try {
                st.execute("INSERT INTO event_outbox (event_id, version, payload, created_at, published_at) VALUES"
                        + " ('prune-old', 1, '{}', now() - interval '30 days', now() - interval '30 days'),"
                        + " ('prune-unrelayed', 1, '{}', now() - interval '30 days', NULL),"
                        + " ('prune-recent', 1, '{}', now() - interval '1 hour', now() - interval '1 hour')");
                long deleted = VertxContextSupport.subscribeAndAwait(() -> pruning.prune(Instant.now().minus(Duration.ofDays(7))));
                assertEquals(1, deleted);
                try (ResultSet rs = st.executeQuery("SELECT string_agg(event_id, ',' ORDER BY event_id) FROM event_outbox"
                        + " WHERE event_id LIKE 'prune-%'")) {
                    rs.next();
                    assertEquals("prune-recent,prune-unrelayed", rs.getString(1));
                }
            } finally {
                st.execute("DELETE FROM event_outbox WHERE event_id LIKE 'prune-%'");
                st.execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }
        }
    }

    /**
     * Event views in the outbox are tens of kB and stored compressed; the migration V4 makes that lz4, which took a fifth
     * of the time of PostgreSQL's default (pglz) for the same views. A relayed-looking row, so the relay leaves it alone.
     */
    @Test
    @Order(19)
    void outboxViewsAreStoredLz4Compressed() throws Exception {
        try (Connection db = database(); Statement st = db.createStatement()) {
            try {
                st.execute("INSERT INTO event_outbox (event_id, version, payload, published_at) VALUES"
                        + " ('lz4-view', 1, repeat('{\"source\":\"https://example.org/a\"},', 1000), now())");
                try (ResultSet rs = st.executeQuery("SELECT pg_column_compression(payload), length(payload) FROM event_outbox"
                        + " WHERE event_id = 'lz4-view'")) {
                    rs.next();
                    assertEquals("lz4", rs.getString(1));
                    assertEquals(35_000, rs.getInt(2));
                }
            } finally {
                st.execute("DELETE FROM event_outbox WHERE event_id = 'lz4-view'");
            }
        }
    }

    static long twoSourceAlerts() {
        return slack.received().stream().filter(r -> r.hook().equals("two-sources")).count();
    }

    static List<String> japanRoundAlerts() {
        return slack.received().stream().filter(r -> r.hook().equals("japan"))
                .map(r -> r.payload().path("blocks").get(0).path("text").path("text").asText())
                .filter(h -> h.contains("round of talks")).toList();
    }

    /**
     * The dispatcher's claim with subscriptions it cannot send to: a delivery of an unsubscribed subscription fails with
     * the reason; one whose subscription another transaction holds locked stays pending meanwhile, and is sent once
     * the lock is released.
     */
    @Test
    @Order(17)
    void aClaimFailsDeliveriesOfInactiveSubscriptionsAndWaitsForLockedOnes() throws Exception {
        String event = given().get("/api/events?counterpart=US&type=SIGNED").then().extract().jsonPath().getString("items[0].eventId");
        long gone = subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("unsubscribed") + "\"}");
        long held = subscribe("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl("held") + "\"}");
        try (Connection db = database(); Statement st = db.createStatement();
                Connection lock = database(); Statement locking = lock.createStatement()) {
            st.executeUpdate("UPDATE subscription SET status = 'UNSUBSCRIBED' WHERE id = " + gone);
            lock.setAutoCommit(false);
            locking.executeQuery("SELECT id FROM subscription WHERE id = " + held + " FOR NO KEY UPDATE").close();
            st.executeUpdate("INSERT INTO delivery (subscription_id, event_id, status) VALUES (" + gone + ", '" + event + "', 'PENDING'), ("
                    + held + ", '" + event + "', 'PENDING')");
            await("the unsubscribed one's delivery failed", () -> "FAILED".equals(OneSignedEvent.delivery(gone).get("status")));
            assertEquals("subscription UNSUBSCRIBED", OneSignedEvent.delivery(gone).get("last_error"));
            Thread.sleep(1500);
            Map<String, Object> waiting = OneSignedEvent.delivery(held);
            assertEquals("PENDING", waiting.get("status"), "not claimed while its subscription is held");
            assertNull(waiting.get("last_error"));
            assertEquals(0, slack.attempts("held").size());
            lock.commit();
        }
        await("the held one's alert", () -> slack.attempts("held").size() == 1);
        await("the held one's delivery sent", () -> "SENT".equals(OneSignedEvent.delivery(held).get("status")));
        assertNull(OneSignedEvent.delivery(held).get("last_error"));
        Thread.sleep(1000);
        assertEquals(1, slack.attempts("held").size(), "sent once");
        assertEquals(0, slack.attempts("unsubscribed").size(), "nothing to the unsubscribed one");
    }

    /**
     * A record the classifier marked irrelevant ({@code ce_relevant: false}) is acknowledged unread: even a value that
     * reports a round, or is not JSON at all, changes nothing and is not dead-lettered. Only {@code false} skips:
     * the next record of the partition, marked {@code true}, is stored, and proves the two before it were consumed.
     */
    @Test
    @Order(18)
    void recordsMarkedIrrelevantArePassedOverUnparsed() throws Exception {
        int deadLettered = readAll(Topics.ARTICLES_CLASSIFIED_DLQ).size();
        for (String[] record : List.of(
                new String[] {"false", Json.write(report("m1", "wire", EventType.ROUND, 7, "2024-10-01", "US"))},
                new String[] {"false", "{this is not json"},
                new String[] {"true", Json.write(report("m2", "wire", EventType.ROUND, 8, "2024-11-05", "US"))})) {
            ProducerRecord<String, String> marked = new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, "marked", record[1]);
            marked.headers().add(CloudEventTypes.RELEVANT_HEADER, record[0].getBytes(StandardCharsets.UTF_8));
            producer.send(marked).get();
        }
        await("round 8 stored", () -> given().get("/api/events?counterpart=US&type=ROUND&size=500").then().extract().jsonPath()
                .getList("items.findAll { it.round == 8 }").size() == 1);
        assertEquals(0, given().get("/api/events?counterpart=US&type=ROUND&size=500").then().extract().jsonPath()
                .getList("items.findAll { it.round == 7 }").size(), "the report marked irrelevant is not read");
        assertEquals(deadLettered, readAll(Topics.ARTICLES_CLASSIFIED_DLQ).size(), "nothing dead-lettered");
    }

    static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static String link(MimeMessage mail, String kind) throws Exception {
        String text = io.pactwatch.local.demo.MailCatcher.textOf(mail);
        Matcher m = Pattern.compile("(http://\\S+/subscriptions/" + kind + "\\?token=[^\\s\"<>]+)").matcher(text);
        assertTrue(m.find(), "no " + kind + " link in: " + text);
        // The link is absolute under the public URL; the test app listens on a random port, so call its path.
        return m.group(1).replace("&amp;", "&").replaceFirst("^http://[^/]+", "");
    }

    static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers(),
                "group.id", "t-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            var partitions = c.partitionsFor(topic).stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            var end = c.endOffsets(partitions);
            List<ConsumerRecord<String, String>> out = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

}

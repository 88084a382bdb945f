package io.pactwatch.notifier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.local.testing.RealInfrastructure;
import io.pactwatch.local.testing.SharedBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away in the moment after Slack accepted an alert and before the notifier wrote SENT, and stays away
 * longer than the claim deadline. The outcome must be written when the database is back, not the alert sent again
 * (the duplicate a reliability run once saw). The stand-in cuts the database off while it holds the request, so the
 * window is hit every time: no connections allowed to the test database, and every open one terminated.
 */
@QuarkusTest
@TestProfile(DatabaseLostAfterSendTest.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_notifier_test"))
@QuarkusTestResource(GreenMailResource.class)
class DatabaseLostAfterSendTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String TOPIC = "dblost.articles.classified";
    /** The test profile's claim deadline is 5 s: the outage outlasts it, so an unrecorded claim would be taken again. */
    static final Duration OUTAGE = Duration.ofSeconds(8);

    /** Own topics and consumer group, so the event topics other tests read stay untouched. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.classified-articles-in.topic", TOPIC,
                    "mp.messaging.incoming.classified-articles-in.group.id", "pactwatch-notifier-dblost-" + RUN,
                    "mp.messaging.incoming.classified-articles-in.dead-letter-queue.topic", TOPIC + ".dlq",
                    "mp.messaging.outgoing.agreement-events-out.topic", "dblost.agreement-events");
        }
    }

    static SlackCapture slack;
    static KafkaProducer<String, String> producer;
    static String database;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackCapture("127.0.0.1", 0).start();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
        try (Connection db = NotifierFlowTest.database()) {
            database = db.getCatalog();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        allowConnections(true);
        slack.close();
        producer.close();
    }

    @Test
    void anOutcomeLostWithTheDatabaseIsWrittenWhenItIsBackAndTheAlertIsNotSentAgain() throws Exception {
        String hook = "dblost" + RUN;
        CountDownLatch cut = new CountDownLatch(1);
        slack.onMessage(r -> {
            if (r.hook().equals(hook) && cut.getCount() > 0) {
                cutDatabaseOff(); // before the stand-in answers 200: the notifier cannot write SENT
                cut.countDown();
            }
        });
        long sub = given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON)
                .body("{\"channel\":\"slack\",\"target\":\"" + slack.webhookUrl(hook) + "\",\"eventTypes\":[\"SIGNED\"],\"counterparts\":[\"IS\"]}")
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
        ExtractedEvent signed = new ExtractedEvent("IS", "Iceland", EventType.SIGNED, null, LocalDate.parse("2024-07-09"),
                Certainty.CONFIRMED, 0.9, new Evidence("Ukraine and Iceland signed a security agreement.", 0, 10, "test"));
        String articleId = "dblost-" + RUN;
        producer.send(new ProducerRecord<>(TOPIC, articleId, Json.write(new ClassifiedArticle(articleId, 1, "wire",
                "https://wire.example/" + articleId, "Ukraine and Iceland sign security agreement", null,
                Instant.parse("2024-07-09T12:00:00Z"), true, 0.9, "test-1", Instant.now(),
                List.of(new TrackerVerdict("ua-security-agreements", true, 0.9, List.of(signed))))))).get();

        assertTrue(cut.await(60, TimeUnit.SECONDS), "the alert reached the stand-in");
        Thread.sleep(OUTAGE.toMillis());
        allowConnections(true);
        NotifierFlowTest.await("the delivery SENT", () -> "SENT".equals(SlackTimeoutAfterAcceptTest.delivery(sub).get("status")));
        Thread.sleep(3000); // a second copy, from a claim taken again, would show by now (dispatch runs every second)

        List<SlackCapture.Received> receipts = slack.received().stream().filter(r -> r.hook().equals(hook)).toList();
        Map<String, Object> row = SlackTimeoutAfterAcceptTest.delivery(sub);
        System.out.printf("database-lost-after-send | outage %d s (claim deadline 5 s) | messages received %d | "
                + "delivery %s after %s attempts%n", OUTAGE.toSeconds(), receipts.size(), row.get("status"), row.get("attempts"));
        assertEquals(1, receipts.size(), "the alert arrived once");
        assertEquals(1, slack.attempts(hook).size(), "one call to the webhook");
        assertEquals("SENT", row.get("status"));
        assertEquals(1, ((Number) row.get("attempts")).intValue());
    }

    /** No new connections to the test database, and every open one (the notifier's pool) terminated. */
    static void cutDatabaseOff() {
        try {
            allowConnections(false);
            try (Connection admin = admin(); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void allowConnections(boolean allow) throws Exception {
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
        }
    }

    /** A connection to the server's {@code postgres} database, which the outage leaves alone. */
    static Connection admin() throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class).replace("/" + database, "/postgres");
        return DriverManager.getConnection(url, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}

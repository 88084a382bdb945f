package io.pactwatch.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.local.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
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
    static final String PREFIX = "dblost";
    /** The test profile's claim deadline is 5 s: the outage outlasts it, so an unrecorded claim would be taken again. */
    static final Duration OUTAGE = Duration.ofSeconds(8);

    /** Own topics and consumer group, so the event topics other tests read stay untouched. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OneSignedEvent.ownTopics(PREFIX, RUN);
        }
    }

    static SlackCapture slack;
    static KafkaProducer<String, String> producer;
    static String database;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackCapture("127.0.0.1", 0).start();
        producer = OneSignedEvent.producer();
        database = OneSignedEvent.databaseName();
    }

    @AfterAll
    static void stop() throws Exception {
        allowConnections(database, true);
        slack.close();
        producer.close();
    }

    @Test
    void anOutcomeLostWithTheDatabaseIsWrittenWhenItIsBackAndTheAlertIsNotSentAgain() throws Exception {
        String hook = "dblost" + RUN;
        CountDownLatch cut = new CountDownLatch(1);
        slack.onMessage(r -> {
            if (r.hook().equals(hook) && cut.getCount() > 0) {
                cutDatabaseOff(database); // before the stand-in answers 200: the notifier cannot write SENT
                cut.countDown();
            }
        });
        long sub = OneSignedEvent.subscribeSlack(slack.webhookUrl(hook), "IS");
        OneSignedEvent.publishSigned(producer, PREFIX, "dblost-" + RUN, "IS", "Iceland", "2024-07-09");

        assertTrue(cut.await(60, TimeUnit.SECONDS), "the alert reached the stand-in");
        Thread.sleep(OUTAGE.toMillis());
        allowConnections(database, true);
        NotifierFlowTest.await("the delivery SENT", () -> "SENT".equals(OneSignedEvent.delivery(sub).get("status")));
        Thread.sleep(3000); // a second copy, from a claim taken again, would show by now (dispatch runs every second)

        List<SlackCapture.Received> receipts = slack.received().stream().filter(r -> r.hook().equals(hook)).toList();
        Map<String, Object> row = OneSignedEvent.delivery(sub);
        System.out.printf("database-lost-after-send | outage %d s (claim deadline 5 s) | messages received %d | "
                + "delivery %s after %s attempts%n", OUTAGE.toSeconds(), receipts.size(), row.get("status"), row.get("attempts"));
        assertEquals(1, receipts.size(), "the alert arrived once");
        assertEquals(1, slack.attempts(hook).size(), "one call to the webhook");
        assertEquals("SENT", row.get("status"));
        assertEquals(1, ((Number) row.get("attempts")).intValue());
    }

    /** No new connections to the test database, and every open one (the notifier's pool) terminated. */
    static void cutDatabaseOff(String database) {
        try {
            allowConnections(database, false);
            try (Connection admin = admin(database); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void allowConnections(String database, boolean allow) throws Exception {
        try (Connection admin = admin(database); Statement st = admin.createStatement()) {
            st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
        }
    }

    /** A connection to the server's {@code postgres} database, which the outage leaves alone. */
    static Connection admin(String database) throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class).replace("/" + database, "/postgres");
        return DriverManager.getConnection(url, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}

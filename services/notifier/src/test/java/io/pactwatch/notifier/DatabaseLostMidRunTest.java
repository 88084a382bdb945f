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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One dispatch run claims two alerts; PostgreSQL goes away while the first is being sent. The run must go on with
 * the second (its outcome held back with the first's) instead of stopping, so the second alert goes out within
 * seconds of the database's return, not when its claim deadline (60 s here) lets another run take it again. Each
 * alert arrives once.
 */
@QuarkusTest
@TestProfile(DatabaseLostMidRunTest.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_notifier_test"))
@QuarkusTestResource(GreenMailResource.class)
class DatabaseLostMidRunTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PREFIX = "dbmidrun";
    static final Duration OUTAGE = Duration.ofSeconds(5);
    static final Duration CLAIM_DEADLINE = Duration.ofSeconds(60);
    /** Well inside the claim deadline: a second alert left to it would come about 50 s after the database is back. */
    static final Duration SECOND_ALERT_WITHIN = Duration.ofSeconds(20);

    /** Own topics and consumer group, a claim deadline far longer than the outage, and sends one at a time. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(OneSignedEvent.ownTopics(PREFIX, RUN));
            config.put("pactwatch.notifier.dispatch.claim-timeout", CLAIM_DEADLINE.toSeconds() + "s");
            // one send at a time, so the second alert is loaded and sent only after the first's outcome was lost
            config.put("pactwatch.notifier.dispatch.concurrency", "1");
            return config;
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
        DatabaseLostAfterSendTest.allowConnections(database, true);
        slack.close();
        producer.close();
    }

    @Test
    void theRunGoesOnAfterALostOutcomeAndTheNextAlertLeavesWhenTheDatabaseIsBack() throws Exception {
        List<String> hooks = List.of("midrun-a" + RUN, "midrun-b" + RUN);
        AtomicReference<String> firstHook = new AtomicReference<>();
        CountDownLatch cut = new CountDownLatch(1);
        slack.onMessage(r -> {
            if (hooks.contains(r.hook()) && firstHook.compareAndSet(null, r.hook())) {
                DatabaseLostAfterSendTest.cutDatabaseOff(database); // before the stand-in answers 200
                cut.countDown();
            }
        });
        Map<String, Long> subscriptions = new HashMap<>();
        for (String hook : hooks) {
            subscriptions.put(hook, OneSignedEvent.subscribeSlack(slack.webhookUrl(hook), "LU"));
        }
        OneSignedEvent.publishSigned(producer, PREFIX, "midrun-" + RUN, "LU", "Luxembourg", "2024-07-11");

        assertTrue(cut.await(60, TimeUnit.SECONDS), "the first alert reached the stand-in");
        Thread.sleep(OUTAGE.toMillis());
        DatabaseLostAfterSendTest.allowConnections(database, true);
        long back = System.nanoTime();
        String second = hooks.stream().filter(h -> !h.equals(firstHook.get())).findFirst().orElseThrow();
        NotifierFlowTest.await("the second alert sent", () -> slack.received().stream().anyMatch(r -> r.hook().equals(second)));
        Duration afterReturn = Duration.ofNanos(System.nanoTime() - back);
        NotifierFlowTest.await("both deliveries SENT", () -> hooks.stream()
                .allMatch(h -> "SENT".equals(OneSignedEvent.delivery(subscriptions.get(h)).get("status"))));
        Thread.sleep(3000); // a second copy of either would show by now (dispatch runs every second)

        System.out.printf("database-lost-mid-run | outage %d s (claim deadline %d s) | second alert %d ms after the"
                + " database was back | messages %s%n", OUTAGE.toSeconds(), CLAIM_DEADLINE.toSeconds(), afterReturn.toMillis(),
                hooks.stream().map(h -> String.valueOf(slack.received().stream().filter(r -> r.hook().equals(h)).count())).toList());
        assertTrue(afterReturn.compareTo(SECOND_ALERT_WITHIN) < 0,
                "the second alert waited " + afterReturn.toMillis() + " ms: left to its claim deadline");
        for (String hook : hooks) {
            assertEquals(1, slack.received().stream().filter(r -> r.hook().equals(hook)).count(), "one message to " + hook);
        }
        assertEquals(1, ((Number) OneSignedEvent.delivery(subscriptions.get(firstHook.get())).get("attempts")).intValue(),
                "the first alert's outcome was written when the database was back, not sent again");
    }
}

package io.pactwatch.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.local.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #10: Slack accepts the message (it is posted) but its answer comes after the notifier's timeout. The notifier
 * cannot tell that from a lost request, so it retries with backoff and the channel gets the message twice: delivery
 * is at-least-once, not exactly-once. This test pins down exactly what happens, with the real broker and PostgreSQL.
 * Own topics and consumer group, so the event topics other tests read stay untouched.
 */
@QuarkusTest
@TestProfile(SlackTimeoutAfterAcceptTest.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_notifier_test"))
@QuarkusTestResource(GreenMailResource.class)
class SlackTimeoutAfterAcceptTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PREFIX = "late";
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The stand-in answers 200 this long after it recorded the message: well past the notifier's timeout. */
    static final int LATE_ANSWER_MILLIS = (int) TIMEOUT.toMillis() + 1500;

    /** Own topics and consumer group; a 1 s Slack timeout (the claim timeout of the test profile, 5 s, stays above it). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(OneSignedEvent.ownTopics(PREFIX, RUN));
            overrides.put("pactwatch.notifier.slack.timeout", TIMEOUT.toSeconds() + "s");
            return overrides;
        }
    }

    static SlackCapture slack;
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackCapture("127.0.0.1", 0).start();
        producer = OneSignedEvent.producer();
    }

    @AfterAll
    static void stop() {
        slack.close();
        producer.close();
    }

    @Test
    void aMessageAcceptedAfterTheTimeoutIsRetriedWithBackoffEndsSentAndArrivesTwice() throws Exception {
        String hook = "late" + RUN;
        slack.script(hook, new int[] {200, 0, LATE_ANSWER_MILLIS});
        long sub = OneSignedEvent.subscribeSlack(slack.webhookUrl(hook), "NO");
        OneSignedEvent.publishSigned(producer, PREFIX, "late-" + RUN, "NO", "Norway", "2024-05-31");

        NotifierFlowTest.await("the delivery SENT", () -> "SENT".equals(OneSignedEvent.delivery(sub).get("status")));
        Thread.sleep(LATE_ANSWER_MILLIS + 2000); // a third copy, if the late 200 or another claim caused one, would show by now

        List<SlackCapture.Received> receipts = slack.received().stream().filter(r -> r.hook().equals(hook)).toList();
        List<Instant> attempts = slack.attempts(hook);
        Map<String, Object> row = OneSignedEvent.delivery(sub);
        long gapMillis = attempts.size() < 2 ? -1 : Duration.between(attempts.get(0), attempts.get(1)).toMillis();
        System.out.printf("slack-late-accept | notifier timeout %d ms, stand-in answers 200 after %d ms | attempts %d | "
                + "messages received %d | gap between attempts %d ms | delivery %s after %s attempts, last_error %s%n",
                TIMEOUT.toMillis(), LATE_ANSWER_MILLIS, attempts.size(), receipts.size(), gapMillis, row.get("status"),
                row.get("attempts"), row.get("last_error"));

        assertEquals(2, attempts.size(), "one timed-out attempt that was accepted, then one retry");
        assertEquals(2, receipts.size(), "the receiver got the message twice: at-least-once, not exactly-once");
        assertEquals(receipts.get(0).payload(), receipts.get(1).payload(), "the same message both times");
        assertTrue(gapMillis >= TIMEOUT.toMillis(), "the retry came after the timeout, not in parallel: " + gapMillis + " ms");
        assertEquals("SENT", row.get("status"));
        assertEquals(2, ((Number) row.get("attempts")).intValue());
        assertNull(row.get("last_error"), "a sent delivery keeps no error");
    }

}

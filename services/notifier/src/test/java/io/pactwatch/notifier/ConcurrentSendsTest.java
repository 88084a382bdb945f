package io.pactwatch.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.local.testing.PrometheusText;
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
 * One event, three subscribers whose webhooks each take {@link #SLOW_ANSWER_MILLIS} to answer (as a distant Slack
 * does, slower). Sent one after another, the last subscriber would get the alert two slow answers after the first; the
 * dispatcher sends a run's deliveries side by side, so all three are posted within moments of each other, once each,
 * and the send times show in the metrics.
 */
@QuarkusTest
@TestProfile(ConcurrentSendsTest.Profile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "pactwatch_notifier_test"))
@QuarkusTestResource(GreenMailResource.class)
class ConcurrentSendsTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PREFIX = "concurrent";
    /** Below the test profile's Slack timeout (2 s), so each send succeeds. */
    static final int SLOW_ANSWER_MILLIS = 1_200;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OneSignedEvent.ownTopics(PREFIX, RUN); // the default concurrency (with 1, the posts came 2.5 s apart)
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
    void aRunsAlertsToSlowWebhooksLeaveSideBySide() throws Exception {
        List<String> hooks = List.of("side-a" + RUN, "side-b" + RUN, "side-c" + RUN);
        for (String hook : hooks) {
            slack.script(hook, new int[] {200, 0, SLOW_ANSWER_MILLIS}); // accepted at once, answered late
            OneSignedEvent.subscribeSlack(slack.webhookUrl(hook), "IS");
        }
        OneSignedEvent.publishSigned(producer, PREFIX, "side-" + RUN, "IS", "Iceland", "2024-07-09");

        NotifierFlowTest.await("every subscriber posted to", () -> hooks.stream().allMatch(h -> !slack.attempts(h).isEmpty()));
        Thread.sleep(SLOW_ANSWER_MILLIS + 2_000); // a second copy to any of them would show by now
        List<Instant> firstPosts = hooks.stream().map(h -> slack.attempts(h).get(0)).sorted().toList();
        long spreadMillis = Duration.between(firstPosts.get(0), firstPosts.get(firstPosts.size() - 1)).toMillis();
        System.out.printf("concurrent-sends | %d webhooks answering after %d ms | first to last post %d ms | messages %s%n",
                hooks.size(), SLOW_ANSWER_MILLIS, spreadMillis,
                hooks.stream().map(h -> slack.received().stream().filter(r -> r.hook().equals(h)).count()).toList());

        assertTrue(spreadMillis < SLOW_ANSWER_MILLIS / 2,
                "the alerts were posted " + spreadMillis + " ms apart: each waited for the slow answer before it");
        for (String hook : hooks) {
            assertEquals(1, slack.received().stream().filter(r -> r.hook().equals(hook)).count(), "one message to " + hook);
        }

        // the send times are in the metrics: three sends, each waiting for its receiver's late answer
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        String slackSent = "channel=\"slack\",outcome=\"sent\"";
        double count = PrometheusText.sum(metrics, "pactwatch_notifier_delivery_seconds_count", slackSent);
        double sum = PrometheusText.sum(metrics, "pactwatch_notifier_delivery_seconds_sum", slackSent);
        double claims = PrometheusText.sum(metrics, "pactwatch_notifier_dispatch_claim_seconds_count", null);
        System.out.printf("concurrent-sends | metrics: %.0f Slack sends, %.2f s in all; claims with deliveries %.0f%n", count, sum, claims);
        assertTrue(count >= hooks.size() && sum >= hooks.size() * SLOW_ANSWER_MILLIS / 1000.0,
                count + " sends timed, " + sum + " s in all");
        assertTrue(claims >= 1, "the claim timed");
    }
}

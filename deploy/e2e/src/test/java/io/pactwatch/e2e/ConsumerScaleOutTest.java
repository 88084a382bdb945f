package io.pactwatch.e2e;

import io.pactwatch.local.testing.TopicReader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.DemoClient;
import io.pactwatch.local.Pipeline;
import io.pactwatch.local.PipelineSettings;
import io.pactwatch.local.Services;
import io.pactwatch.local.demo.SlackCapture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two classifier and two notifier replicas (consumer groups split the partitions; dispatchers and outbox relays share
 * the database with row locks) play the demo story, and one notifier replica is killed with SIGKILL mid-story: every
 * article is classified, every event created once, every alert delivered once.
 */
class ConsumerScaleOutTest {

    static Pipeline pipeline;

    @BeforeAll
    static void playWithReplicas() throws Exception {
        pipeline = new Pipeline(PipelineSettings.isolated(Files.createTempDirectory("pactwatch-replicas-"))).start();
        pipeline.startReplica(Services.CLASSIFIER, 1);
        String notifierReplica = pipeline.startReplica(Services.NOTIFIER, 1);
        new DemoClient(pipeline).subscribeSlack("replicas", List.of(EventType.values()));
        pipeline.feeds().play();
        PipelineEndToEndTest.awaitTrue("mid-story", () -> pipeline.feeds().elapsed() > 20, Duration.ofSeconds(90));
        pipeline.kill9(notifierReplica);
        PipelineEndToEndTest.awaitTrue("the story to end", () -> pipeline.feeds().finished(), Duration.ofSeconds(120));
        PipelineEndToEndTest.awaitTrue("all alerts", () -> pipeline.slack().received().size() >= ExpectedStory.EVENTS.size(),
                Duration.ofSeconds(120));
        Thread.sleep(8000);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyAlertOnceAndEveryEventOnce() {
        List<String> alerts = pipeline.slack().received().stream().map(SlackCapture.Received::payload)
                .map(SlackAlerts::key).toList();
        Set<String> expected = ExpectedStory.EVENTS.stream().map(ExpectedStory.Event::key).collect(Collectors.toSet());
        assertEquals(ExpectedStory.EVENTS.size(), alerts.size(), "alerts: " + alerts);
        assertEquals(expected, new HashSet<>(alerts));

        List<String> events = EventsTopic.latest(pipeline.settings().kafkaBootstrap()).values().stream()
                .map(e -> new ExpectedStory.Event(e.type(), e.counterpart(), e.round(), 0).key()).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), events,
                "one event per real event (latest state of each), whichever replica stored it");
    }

    @Test
    void everyRawArticleIsClassified() {
        Set<String> raw = TopicReader.readAll(pipeline.settings().kafkaBootstrap(), Topics.ARTICLES_RAW).stream()
                .map(r -> Json.read(r.value(), RawArticle.class)).map(a -> a.articleId() + "#" + a.revision())
                .collect(Collectors.toSet());
        Set<String> classified = TopicReader.readAll(pipeline.settings().kafkaBootstrap(), Topics.ARTICLES_CLASSIFIED).stream()
                .map(r -> Json.read(r.value(), ClassifiedArticle.class)).map(a -> a.articleId() + "#" + a.revision())
                .collect(Collectors.toSet());
        assertEquals(ExpectedStory.RAW_RECORDS, raw.size());
        assertEquals(raw, classified);
    }
}

package io.pactwatch.classifier.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Raw in, classified out, poison to the dead-letter topic - on a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ClassifierPipelineTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    MeterRegistry meters;

    @Test
    void classifiesARawArticleAndPublishesItKeyedByIdWithCloudEventHeaders() throws Exception {
        String id = "it-" + UUID.randomUUID();
        RawArticle raw = raw(id, "Ukraine and US hold fourth round of security agreement talks",
                "<p>Ukraine and the United States held the fourth round of negotiations on a bilateral security "
                        + "agreement on May 6, the presidential office said.</p>"
                        + "<p>The U.K., Germany and France have already signed such agreements with Kyiv.</p>");
        double relevantBefore = articlesCounted("relevant");
        produce(id, Json.write(raw));

        ConsumerRecord<String, String> rec = awaitRecord(Topics.ARTICLES_CLASSIFIED, r -> id.equals(r.key()));
        ClassifiedArticle out = Json.read(rec.value(), ClassifiedArticle.class);
        assertEquals(id, out.articleId());
        assertTrue(out.relevant());
        assertNotNull(out.classifierVersion());
        var events = out.verdicts().get(0).events();
        assertEquals(1, events.size(), "only the news event, not the background list: " + events);
        assertEquals("US", events.get(0).counterpart());
        assertEquals(EventType.ROUND, events.get(0).type());
        assertEquals(4, events.get(0).round());
        assertEquals(CloudEventTypes.CLASSIFIED_ARTICLE, header(rec, "ce_type"));
        assertEquals(CloudEventTypes.SOURCE_CLASSIFIER, header(rec, "ce_source"));
        assertEquals("true", header(rec, CloudEventTypes.RELEVANT_HEADER));
        assertTrue(articlesCounted("relevant") >= relevantBefore + 1, "counted in pactwatch.classifier.articles");
    }

    @Test
    void publishesIrrelevantArticlesTooAndRedeliveryGivesTheSameRecord() throws Exception {
        String id = "it-" + UUID.randomUUID();
        String json = Json.write(raw(id, "Rolling blackouts return across Ukraine",
                "Power cuts were announced in most regions after strikes on power plants."));
        double otherBefore = articlesCounted("not-relevant");
        produce(id, json);
        produce(id, json);
        List<ConsumerRecord<String, String>> recs = awaitRecords(Topics.ARTICLES_CLASSIFIED, r -> id.equals(r.key()), 2);
        ClassifiedArticle first = Json.read(recs.get(0).value(), ClassifiedArticle.class);
        assertFalse(first.relevant());
        assertEquals("false", header(recs.get(0), CloudEventTypes.RELEVANT_HEADER));
        assertEquals(recs.get(0).value(), recs.get(1).value(), "redelivery must give an identical verdict");
        assertTrue(articlesCounted("not-relevant") >= otherBefore + 2, "counted in pactwatch.classifier.articles");
    }

    private double articlesCounted(String verdict) {
        return meters.counter("pactwatch.classifier.articles", "verdict", verdict).count();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionKeepsMoving() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        produce(key, "{ this is not json");
        produce(key, "{\"revision\":1,\"title\":\"no id\"}");
        RawArticle after = raw("it-" + UUID.randomUUID(), "Finland and Ukraine sign security agreement",
                "Finland signed a bilateral security agreement with Ukraine in Kyiv on Wednesday.");
        produce(key, Json.write(after));

        List<ConsumerRecord<String, String>> dead = awaitRecords(Topics.ARTICLES_RAW_DLQ, r -> key.equals(r.key()), 2);
        assertEquals("{ this is not json", dead.get(0).value());
        ConsumerRecord<String, String> next = awaitRecord(Topics.ARTICLES_CLASSIFIED,
                r -> after.articleId().equals(r.key()));
        ClassifiedArticle out = Json.read(next.value(), ClassifiedArticle.class);
        assertEquals("FI", out.verdicts().get(0).events().get(0).counterpart());
        assertEquals(EventType.SIGNED, out.verdicts().get(0).events().get(0).type());
    }

    private static RawArticle raw(String id, String title, String content) {
        Instant published = Instant.parse("2024-05-07T08:00:00Z");
        return new RawArticle(id, 1, "test-feed", "Test Feed", "https://example.org/" + id, title, null, content,
                published, published.plusSeconds(60), "hash-" + id);
    }

    private void produce(String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, key, value)).get();
        }
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecords(topic, match, 1).get(0);
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        assertTrue(found.size() >= count, "expected " + count + " records on " + topic + ", got " + found.size());
        return found;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package io.pactwatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's broker is a real Kafka: topics, produce, consume, and a kill -9 that loses no acknowledged record;
 * its data is deleted only once it has stopped.
 */
class KafkaBrokerTest {

    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.onFreePorts().start();
        broker.createTopics(TopicSpec.pipeline());
    }

    @AfterAll
    static void stop() {
        broker.stop();
        broker.deleteData();
    }

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 5000; i++) {
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length());
        }
    }

    @Test
    void createsThePipelineTopicsWithTheirPartitionCounts() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.ARTICLES_RAW,
                    Topics.AGREEMENT_EVENTS, Topics.ARTICLES_RAW_DLQ)).allTopicNames().get();
            assertEquals(3, topics.get(Topics.ARTICLES_RAW).partitions().size());
            assertEquals(1, topics.get(Topics.ARTICLES_RAW_DLQ).partitions().size());
        }
    }

    @Test
    void acknowledgedRecordsSurviveAKillNineAndRestart() throws Exception {
        String topic = "harness-" + UUID.randomUUID();
        broker.createTopics(List.of(new TopicSpec(topic, 1, false)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers(), "acks", "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
            }
        }
        broker.kill9();
        assertFalse(broker.isAlive());
        broker.start();
        assertTrue(broker.isAlive());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers(), "group.id", "g-" + topic, "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < 10 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        assertEquals(List.of("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"), values);
    }

    @Test
    void aRunningBrokersDataIsNotDeleted() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, broker::deleteData);
        assertTrue(refused.getMessage().contains("stop it before deleting its data"), refused.getMessage());
        assertTrue(broker.isAlive());
    }

    @Test
    void deletingAStoppedBrokersDataKeepsItsLog(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/harness-0"));
        Files.writeString(data.resolve("00000000000000000000.log"), "segment");
        Path log = Files.writeString(dir.resolve("broker.log"), "started");
        new KafkaBroker(0, 0, dir.resolve("data"), log).deleteData();
        assertFalse(Files.exists(dir.resolve("data")));
        assertEquals("started", Files.readString(log));
    }
}

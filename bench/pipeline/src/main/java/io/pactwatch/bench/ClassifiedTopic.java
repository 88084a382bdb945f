package io.pactwatch.bench;

import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The replay benchmark's two plain-Kafka sides of {@code pactwatch.articles.classified}: filling it with classified
 * records before the notifier runs, and reading it back from the earliest offset with a plain consumer (the ceiling
 * the notifier's replay is compared with).
 */
final class ClassifiedTopic {

    private ClassifiedTopic() {
    }

    /** Publishes N records of the corpus, keyed by article id, and waits until the broker acknowledged all of them. */
    static void fill(String bootstrap, ClassifiedCorpus corpus, int n) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", "20");
        props.put("batch.size", String.valueOf(256 * 1024));
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            corpus.generate(n, (ClassifiedArticle article) -> producer.send(record(article), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            }));
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing the classified records failed", failure.get());
        }
    }

    /** A classified record as the classifier writes it: keyed by article id, with its {@code ce_relevant} header. */
    private static ProducerRecord<String, String> record(ClassifiedArticle article) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, article.articleId(), Json.write(article));
        record.headers().add(CloudEventTypes.RELEVANT_HEADER, String.valueOf(article.relevant()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Seconds a plain consumer of a new group takes to read N records of the topic from the earliest offset. */
    static double readAll(String bootstrap, int n) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "bench-ceiling-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        long start = System.nanoTime();
        long seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES_CLASSIFIED));
            while (seen < n) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}

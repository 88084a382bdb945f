package io.pactwatch.notifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.local.testing.SharedBroker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The setup the delivery fault tests share: own topics and consumer group (so the event topics other tests read stay
 * untouched), one Slack subscription to one counterpart's signings, one classified article reporting a signing, and
 * the delivery row it leads to.
 */
final class OneSignedEvent {

    private OneSignedEvent() {
    }

    /** A producer to the shared test broker, for {@link #publishSigned}. */
    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", SharedBroker.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    /** The name of this test JVM's notifier database (the one an outage test cuts off). */
    static String databaseName() throws Exception {
        try (Connection db = NotifierFlowTest.database()) {
            return db.getCatalog();
        }
    }

    /** Config overrides giving the test its own classified and event topics, and its own consumer group. */
    static Map<String, String> ownTopics(String prefix, String run) {
        return Map.of("mp.messaging.incoming.classified-articles-in.topic", prefix + ".articles.classified",
                "mp.messaging.incoming.classified-articles-in.group.id", "pactwatch-notifier-" + prefix + "-" + run,
                "mp.messaging.incoming.classified-articles-in.dead-letter-queue.topic", prefix + ".articles.classified.dlq",
                "mp.messaging.outgoing.agreement-events-out.topic", prefix + ".agreement-events");
    }

    /** Subscribes a Slack webhook to the signings of one counterpart; returns the subscription's id. */
    static long subscribeSlack(String webhookUrl, String counterpart) {
        return NotifierFlowTest.subscribe("{\"channel\":\"slack\",\"target\":\"" + webhookUrl
                + "\",\"eventTypes\":[\"SIGNED\"],\"counterparts\":[\"" + counterpart + "\"]}");
    }

    /** Publishes one relevant classified article reporting that Ukraine and the counterpart signed on that date. */
    static void publishSigned(KafkaProducer<String, String> producer, String prefix, String articleId, String code,
            String name, String date) throws Exception {
        ExtractedEvent signed = new ExtractedEvent(code, name, EventType.SIGNED, null, LocalDate.parse(date),
                Certainty.CONFIRMED, 0.9, new Evidence("Ukraine and " + name + " signed a security agreement.", 0, 10, "test"));
        producer.send(new ProducerRecord<>(prefix + ".articles.classified", articleId, Json.write(new ClassifiedArticle(
                articleId, 1, "wire", "https://wire.example/" + articleId, "Ukraine and " + name + " sign security agreement",
                null, Instant.parse(date + "T12:00:00Z"), true, 0.9, "test-1", Instant.now(),
                List.of(new TrackerVerdict("ua-security-agreements", true, 0.9, List.of(signed))))))).get();
    }

    /** The status, attempts and last error of the subscription's one delivery (empty when there is none yet). */
    static Map<String, Object> delivery(long subscriptionId) {
        try (Connection db = NotifierFlowTest.database(); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT status, attempts, last_error FROM delivery WHERE subscription_id = " + subscriptionId)) {
            if (!rs.next()) {
                return Map.of();
            }
            Map<String, Object> row = new HashMap<>();
            row.put("status", rs.getString(1));
            row.put("attempts", rs.getInt(2));
            row.put("last_error", rs.getString(3));
            assertTrue(!rs.next(), "one delivery for the one event");
            return row;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.pactwatch.reliability;

import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.Topics;
import io.pactwatch.reliability.KnownArticles.Known;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes known articles to {@code pactwatch.articles.raw} the way the poller does (key = article id, acks=all,
 * idempotent), at a steady rate on a thread of its own so faults can be injected while records flow. The producer
 * retries through a broker outage (delivery timeout 5 min); every record is counted as sent only once the broker
 * acknowledged it, and a record the broker never acknowledged is counted as failed, not silently dropped.
 */
final class RawProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final AtomicLong acked = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    private Thread thread;

    RawProducer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", "5");
        props.put("delivery.timeout.ms", "300000");
        props.put("request.timeout.ms", "10000");
        props.put("max.block.ms", "300000");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends every record now and waits for the acknowledgements. */
    void sendAll(List<Known> articles) {
        articles.forEach(this::send);
        producer.flush();
    }

    /** Sends the records at {@code perSecond} on a background thread; {@link #await()} waits for the last ack. */
    RawProducer sendAtRate(List<Known> articles, int perSecond) {
        thread = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                send(articles.get(i));
            }
            producer.flush();
        }, "raw-producer");
        thread.start();
        return this;
    }

    void await() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
        producer.flush();
    }

    /** Sends one record as is (e.g. a poison record to a chosen partition) and waits for its acknowledgement. */
    void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    private void send(Known known) {
        String id = known.article().articleId();
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, id, Json.write(known.article())), (meta, e) -> {
            if (e == null) {
                acked.incrementAndGet();
            } else {
                failed.add(id + ": " + e);
            }
        });
    }

    long acked() {
        return acked.get();
    }

    List<String> failed() {
        return List.copyOf(failed);
    }

    @Override
    public void close() {
        producer.close();
    }
}

package io.pactwatch.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's rate on this machine for the benchmark's records with producer and consumers running at once, as in the
 * pipeline: the records are produced to a topic and read from it while they arrive ({@code hops = 1}), or forwarded
 * unchanged on the way by a plain consumer and producer to a second topic and read from that ({@code hops = 2}, the
 * pipeline's shape with no work done in it). The forwarder does what an at-least-once relay must and no more: it
 * writes a poll's records ({@code acks=all}), waits for them, and commits the poll's offsets without waiting for the
 * commit. Unlike the ceiling of the earlier passes (produce all, then read all), nothing waits for the producer.
 */
final class ConcurrentCeiling {

    /** Writes not acknowledged within this fail the try. */
    static final int DELIVERY_TIMEOUT_MS = 15_000;

    private ConcurrentCeiling() {
    }

    /**
     * One measurement: articles per second from the first produce to the last record read from the last topic, and
     * the CPU the broker and this process (producer, forwarder and consumer) spent per article meanwhile.
     */
    record Result(double rate, double brokerMsPerArticle, double clientsMsPerArticle, List<Double> allRates) {

        /** The fastest of the tries, carrying every try's rate. */
        static Result best(List<Result> tries) {
            Result best = tries.stream().max(Comparator.comparingDouble(Result::rate)).orElseThrow();
            return new Result(best.rate, best.brokerMsPerArticle, best.clientsMsPerArticle,
                    tries.stream().map(Result::rate).toList());
        }

        /** e.g. "54,282 articles/s (best of …; 105.3 % of the ceiling; CPU per article: …)". */
        String describe(double ceiling) {
            return String.format("%,10.0f articles/s (best of %s; %.1f %% of the ceiling; CPU per article: broker %.3f ms,"
                    + " producer and consumers %.3f ms)", rate, allRates.stream().map(r -> String.format("%,.0f", r))
                    .collect(Collectors.joining(", ")), 100 * rate / ceiling, brokerMsPerArticle, clientsMsPerArticle);
        }
    }

    /**
     * @throws IllegalStateException when a record was not written within {@link #DELIVERY_TIMEOUT_MS} or not read within
     *         ten minutes: in three tries of about thirty-five a batch of one partition was never acknowledged (not
     *         understood), and the try is dropped instead of waiting two minutes for it
     */
    static Result measure(String bootstrap, List<String> keys, List<String> values, int hops) throws InterruptedException {
        String run = UUID.randomUUID().toString();
        String first = "bench.concurrent-in." + run;
        String last = hops == 1 ? first : "bench.concurrent-out." + run;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread forwarder = new Thread(() -> forward(bootstrap, first, last, stop, failure), "ceiling-forwarder");
        AtomicInteger seen = new AtomicInteger();
        AtomicLong lastReadAt = new AtomicLong();
        Thread reader = new Thread(() -> read(bootstrap, last, values.size(), seen, lastReadAt, stop, failure), "ceiling-reader");
        double brokerBefore = ProcessStats.ofBroker().cpuSeconds();
        double clientsBefore = ownCpuSeconds();
        long start = System.nanoTime();
        reader.start();
        if (hops == 2) {
            forwarder.start();
        }
        try {
            produce(bootstrap, first, keys, values);
            reader.join(Duration.ofMinutes(10).toMillis());
            if (failure.get() != null || seen.get() < values.size()) {
                throw new IllegalStateException("read " + seen.get() + " of " + values.size() + " records", failure.get());
            }
            double seconds = (lastReadAt.get() - start) / 1e9;
            double rate = values.size() / seconds;
            return new Result(rate, 1000 * (ProcessStats.ofBroker().cpuSeconds() - brokerBefore) / values.size(),
                    1000 * (ownCpuSeconds() - clientsBefore) / values.size(), List.of(rate));
        } finally {
            stop.set(true);
            forwarder.join();
            reader.join();
        }
    }

    /** Reads the topic from its start until {@code n} records arrived (or {@code stop}), noting when the last did. */
    private static void read(String bootstrap, String topic, int n, AtomicInteger seen, AtomicLong lastReadAt,
            AtomicBoolean stop, AtomicReference<Throwable> failure) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            while (seen.get() < n && !stop.get() && failure.get() == null) {
                seen.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
                lastReadAt.set(System.nanoTime());
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Writes the records as the benchmark's own producer does (linger 5 ms), failing after a short delivery timeout. */
    private static void produce(String bootstrap, String topic, List<String> keys, List<String> values) {
        try (KafkaProducer<String, String> producer = producer(bootstrap, "5", "16384")) {
            PipelineBenchmark.sendAll(producer, topic, keys, values);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap, String lingerMs, String batchSize) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", lingerMs);
        props.put("batch.size", batchSize);
        props.put("request.timeout.ms", String.valueOf(DELIVERY_TIMEOUT_MS - 5_000));
        props.put("delivery.timeout.ms", String.valueOf(DELIVERY_TIMEOUT_MS));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void forward(String bootstrap, String from, String to, AtomicBoolean stop, AtomicReference<Throwable> failure) {
        // as the classifier sends: at once, up to 256 kB per partition and request
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap);
                KafkaProducer<String, String> producer = producer(bootstrap, "0", "262144")) {
            consumer.subscribe(List.of(from));
            while (!stop.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, String> r : records) {
                    producer.send(new ProducerRecord<>(to, r.key(), r.value()), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
                consumer.commitAsync();
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private static double ownCpuSeconds() {
        return ProcessStats.of(ProcessHandle.current().pid()).cpuSeconds();
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "bench-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}

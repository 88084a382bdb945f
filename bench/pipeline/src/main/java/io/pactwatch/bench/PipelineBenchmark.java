package io.pactwatch.bench;

import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.Http;
import io.pactwatch.local.LocalPostgres;
import io.pactwatch.local.Pipeline;
import io.pactwatch.local.PipelineSettings;
import io.pactwatch.local.Services;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Pipeline throughput against its ceiling, in one run on this machine: N synthetic articles are published to
 * {@code pactwatch.articles.raw} and timed until the classifier and the notifier have processed all of them (their
 * own counters); the same records are produced to and consumed from a plain topic as the Kafka ceiling. Prints
 * articles/s, the ratio, peak lag and CPU/RSS per process. Usage: {@code PipelineBenchmark [N]} (default 20000).
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ServiceJvm.applyDefault();
        List<String> values = SyntheticArticles.generate(n, 42).stream().map(Json::write).toList();
        List<String> keys = SyntheticArticles.generate(n, 42).stream().map(RawArticle::articleId).toList();
        PipelineSettings settings = PipelineSettings.isolated(Files.createTempDirectory("pactwatch-bench-"))
                .withDatabaseSuffix("bench_" + ProcessHandle.current().pid());
        try {
            try (Pipeline pipeline = new Pipeline(settings).start()) {
                String bootstrap = settings.kafkaBootstrap();
                double ceiling = ceiling(bootstrap, keys, values);
                Map<String, ProcessStats> before = stats(pipeline);
                long start = System.nanoTime();
                produce(bootstrap, Topics.ARTICLES_RAW, keys, values);
                double produced = (System.nanoTime() - start) / 1e9;
                long peakLag = 0;
                double classifierDone = -1;
                while (true) {
                    double classified = counter(pipeline.serviceUrl(Services.CLASSIFIER), "pactwatch_classifier_articles_total");
                    double consumed = counter(pipeline.serviceUrl(Services.NOTIFIER), "pactwatch_notifier_articles_consumed_total");
                    peakLag = Math.max(peakLag, n - (long) consumed);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    if (classifierDone < 0 && classified >= n) {
                        classifierDone = elapsed;
                    }
                    if (consumed >= n) {
                        break;
                    }
                    if (elapsed > 1800) {
                        throw new IllegalStateException("not done after 30 min: classified " + classified + ", notified " + consumed);
                    }
                    Thread.sleep(200);
                }
                double total = (System.nanoTime() - start) / 1e9;
                Map<String, ProcessStats> after = stats(pipeline);
                System.out.printf("%n== pactwatch pipeline benchmark: %d synthetic articles (~10%% relevant) ==%n", n);
                System.out.printf("service JVM options                : %s%n", System.getProperty(Pipeline.JVM_OPTIONS_PROPERTY));
                System.out.printf("raw Kafka produce->consume ceiling : %,10.0f articles/s%n", ceiling);
                System.out.printf("produce to pactwatch.articles.raw  : %,10.1f s%n", produced);
                System.out.printf("classifier done after              : %,10.1f s (%,.0f articles/s)%n", classifierDone, n / classifierDone);
                System.out.printf("notifier done after                : %,10.1f s (%,.0f articles/s sustained end to end)%n", total, n / total);
                System.out.printf("end to end / ceiling               : %10.1f %%%n", 100 * (n / total) / ceiling);
                System.out.printf("peak notifier lag                  : %,10d records%n", peakLag);
                for (String service : after.keySet()) {
                    ProcessStats a = after.get(service);
                    ProcessStats b = before.get(service);
                    System.out.printf("%-12s CPU %6.1f s (%.2f cores over the run), RSS %,d MiB%n", service,
                            a.cpuSeconds() - b.cpuSeconds(), (a.cpuSeconds() - b.cpuSeconds()) / total, a.rssKib() / 1024);
                }
            }
        } finally {
            // the run's own databases (see withDatabaseSuffix) are not kept
            LocalPostgres postgres = LocalPostgres.fromEnvironment();
            postgres.dropDatabase(settings.pollerDatabase());
            postgres.dropDatabase(settings.notifierDatabase());
        }
    }

    private static Map<String, ProcessStats> stats(Pipeline pipeline) {
        Map<String, ProcessStats> stats = new LinkedHashMap<>();
        for (String service : List.of(Services.CLASSIFIER, Services.NOTIFIER)) {
            stats.put(service, ProcessStats.of(pipeline.service(service).handle().pid()));
        }
        return stats;
    }

    /** Sum of all samples of a Prometheus counter. */
    static double counter(String url, String name) {
        return Http.get(url + "/q/metrics", null).body().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static double ceiling(String bootstrap, List<String> keys, List<String> values) {
        String topic = "bench.ceiling." + UUID.randomUUID();
        long start = System.nanoTime();
        produce(bootstrap, topic, keys, values);
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "bench-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (seen < values.size()) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return values.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void produce(String bootstrap, String topic, List<String> keys, List<String> values) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i))));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> f : sent) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException("produce failed", e);
                }
            }
        }
    }
}

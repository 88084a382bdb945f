package io.pactwatch.bench;

import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.Http;
import io.pactwatch.local.Pipeline;
import io.pactwatch.local.PipelineSettings;
import io.pactwatch.local.Services;
import io.pactwatch.local.testing.PrometheusText;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Pipeline throughput against its ceiling, in one run on this machine: N synthetic articles are published to
 * {@code pactwatch.articles.raw} and timed until the classifier and the notifier have processed all of them (their
 * own counters); the same records are produced to and consumed from a plain topic as the Kafka ceiling. Prints
 * articles/s, the ratio, peak lag and CPU (services, broker, PostgreSQL, the benchmark itself) and RSS per process.
 * Usage: {@code PipelineBenchmark [N] [warm-up articles]} (default 20000, 0): a warm-up first sends other articles
 * through the same pipeline and waits for them, so the figures are those of warm services (sustained), not of their
 * first minute's JIT compilation; the ceiling is measured after it, three times, and the best is the ceiling (single
 * measurements of one build on one machine ranged from 31,000 to 47,000 records/s, which moved the ratio more than
 * the changes it was to judge). Beside it, with producer and consumers at once ({@link ConcurrentCeiling}, each the
 * best of five): the same records through one topic, and through two with a plain forwarder between them (the
 * pipeline's own shape with no work done in it).
 */
public final class PipelineBenchmark {

    private static final int CEILING_TRIES = 3;
    /** Their first tries were often much slower than the rest (14,000-30,000 against 40,000-54,000 records/s). */
    private static final int CONCURRENT_TRIES = 5;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        ServiceJvm.applyDefault();
        List<RawArticle> articles = SyntheticArticles.generate(n, 42);
        List<String> values = articles.stream().map(Json::write).toList();
        List<String> keys = articles.stream().map(RawArticle::articleId).toList();
        PipelineSettings settings = PipelineSettings.isolated(Files.createTempDirectory("pactwatch-bench-"))
                .withDatabaseSuffix("bench_" + ProcessHandle.current().pid());
        try {
            try (Pipeline pipeline = new Pipeline(settings).start()) {
                String bootstrap = settings.kafkaBootstrap();
                if (warmUp > 0) {
                    // other articles (another seed): the services' JIT and pools warm up on the same kind of load
                    List<RawArticle> warm = SyntheticArticles.generate(warmUp, 7);
                    Run w = run(pipeline, bootstrap, warm.stream().map(RawArticle::articleId).toList(),
                            warm.stream().map(Json::write).toList(), 0);
                    System.out.printf("%nwarm-up: %,d other articles through the pipeline in %.1f s (%,.0f/s)%n", warmUp,
                            w.total, warmUp / w.total);
                }
                if (warmUp > 0) {
                    PlannerStatistics.analyzeUnlessAutovacuum(pipeline.postgres(), settings.notifierDatabase());
                }
                double[] ceilings = new double[CEILING_TRIES];
                for (int i = 0; i < ceilings.length; i++) {
                    ceilings[i] = ceiling(bootstrap, keys, values);
                }
                double ceiling = Arrays.stream(ceilings).max().orElseThrow();
                ConcurrentCeiling.Result oneTopic = bestConcurrent(bootstrap, keys, values, 1);
                ConcurrentCeiling.Result twoTopics = bestConcurrent(bootstrap, keys, values, 2);
                Run r = run(pipeline, bootstrap, keys, values, warmUp);
                System.out.printf("%n== pactwatch pipeline benchmark: %d synthetic articles (~10%% relevant), after %,d warm-up articles ==%n",
                        n, warmUp);
                System.out.printf("service JVM options                : %s%n", System.getProperty(Pipeline.JVM_OPTIONS_PROPERTY));
                System.out.printf("PostgreSQL autovacuum              : %s%s%n", PlannerStatistics.autovacuum(pipeline.postgres(),
                        settings.notifierDatabase()), warmUp > 0 ? " (the event store analyzed after the warm-up if off)" : "");
                System.out.printf("raw Kafka produce->consume ceiling : %,10.0f articles/s (best of %s)%n", ceiling,
                        Arrays.stream(ceilings).mapToObj(c -> String.format("%,.0f", c))
                                .collect(Collectors.joining(", ")));
                System.out.printf("one topic, produced and read at once: %s%n", oneTopic.describe(ceiling));
                System.out.printf("two topics, forwarded, no work     : %s%n", twoTopics.describe(ceiling));
                System.out.printf("produce to pactwatch.articles.raw  : %,10.1f s%n", r.produced);
                System.out.printf("classifier done after              : %,10.1f s (%,.0f articles/s)%n", r.classifierDone, n / r.classifierDone);
                System.out.printf("notifier done after                : %,10.1f s (%,.0f articles/s sustained end to end)%n", r.total, n / r.total);
                System.out.printf("end to end / ceiling               : %10.1f %%%n", 100 * (n / r.total) / ceiling);
                System.out.printf("end to end / one topic at once     : %10.1f %%%n", 100 * (n / r.total) / oneTopic.rate());
                System.out.printf("end to end / two topics, no work   : %10.1f %%%n", 100 * (n / r.total) / twoTopics.rate());
                System.out.printf("peak notifier lag                  : %,10d records%n", r.peakLag);
                System.out.printf("notifier poll batches              : %,10.0f (%.1f records each); %,.0f event-store transactions (%.1f records each)%n",
                        r.batches.count, r.batches.records / r.batches.count, r.batches.transactions,
                        r.batches.recordsInTransactions / r.batches.transactions);
                System.out.printf("event versions written to the outbox: %,10d (%,.1f MB of views)%n", r.outboxRows, r.outboxBytes / 1e6);
                double all = 0;
                for (String process : r.after.keySet()) {
                    ProcessStats a = r.after.get(process);
                    double cpu = a.cpuSeconds() - r.before.get(process).cpuSeconds();
                    all += cpu;
                    String jit = r.jitAfter.containsKey(process)
                            ? String.format("; JIT compiler threads %.1f s", r.jitAfter.get(process) - r.jitBefore.get(process)) : "";
                    System.out.printf("%-12s CPU %6.1f s (%.2f cores over the run, %.3f ms per article%s)%s%n", process, cpu,
                            cpu / r.total, 1000 * cpu / n, jit, a.rssKib() > 0 ? String.format(", RSS %,d MiB", a.rssKib() / 1024) : "");
                }
                System.out.printf("all of them   CPU %6.1f s (%.2f cores over the run, %.3f ms per article)%n", all, all / r.total,
                        1000 * all / n);
            }
        } finally {
            RunCleanUp.remove(settings);
        }
    }

    /** The best of {@link #CONCURRENT_TRIES} measurements, with the rates of all of them. */
    private static ConcurrentCeiling.Result bestConcurrent(String bootstrap, List<String> keys, List<String> values,
            int hops) throws InterruptedException {
        List<ConcurrentCeiling.Result> tries = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_TRIES; i++) {
            try {
                tries.add(ConcurrentCeiling.measure(bootstrap, keys, values, hops));
            } catch (IllegalStateException e) {
                System.out.printf("a try through %d topic(s) dropped: %s%n", hops, e.getCause() != null ? e.getCause() : e);
            }
        }
        if (tries.isEmpty()) {
            throw new IllegalStateException("every try through " + hops + " topic(s) failed");
        }
        return ConcurrentCeiling.Result.best(tries);
    }

    /** One timed pass: what it took and the CPU of each process before and after it. */
    private record Run(double produced, double classifierDone, double total, long peakLag, Map<String, ProcessStats> before,
            Map<String, ProcessStats> after, Map<String, Double> jitBefore, Map<String, Double> jitAfter, Batches batches,
            long outboxRows, long outboxBytes) {
    }

    /** The notifier's poll batches in a run: all of them, and those that took an event-store transaction. */
    private record Batches(double count, double records, double transactions, double recordsInTransactions) {

        static Batches of(String notifier) {
            String name = "pactwatch_notifier_batch_records";
            String transaction = "transaction=\"true\"";
            String metrics = Http.get(notifier + "/q/metrics", null).body();
            return new Batches(PrometheusText.sum(metrics, name + "_count", null),
                    PrometheusText.sum(metrics, name + "_sum", null),
                    PrometheusText.sum(metrics, name + "_count", transaction),
                    PrometheusText.sum(metrics, name + "_sum", transaction));
        }

        Batches minus(Batches b) {
            return new Batches(count - b.count, records - b.records, transactions - b.transactions,
                    recordsInTransactions - b.recordsInTransactions);
        }
    }

    /**
     * Publishes the records and waits until both services are done with them. The classifier's progress is the
     * classified topic's end offsets, read every 100 ms; the notifier's is its counter ({@code already} counted before),
     * scraped once a second and every 100 ms once the classifier is done: a scrape renders every meter of a service
     * (the Kafka clients' many; 14 ms of the classifier's CPU, 8-12 ms of an idle notifier's for its 195 kB page): one a
     * second during a warm-up took 5 % of the notifier's and 3 % of the classifier's profile samples.
     */
    private static Run run(Pipeline pipeline, String bootstrap, List<String> keys, List<String> values, long already)
            throws InterruptedException, SQLException {
        int n = values.size();
        Batches batchesBefore = Batches.of(pipeline.serviceUrl(Services.NOTIFIER));
        long[] outboxBefore = EventStoreCounts.outbox(pipeline.postgres(), pipeline.settings().notifierDatabase());
        try (TopicEnd classifiedTopic = new TopicEnd(bootstrap, Topics.ARTICLES_CLASSIFIED)) {
            long classifiedBefore = classifiedTopic.records();
            Map<String, ProcessStats> before = stats(pipeline);
            Map<String, Double> jitBefore = jit(pipeline);
            long start = System.nanoTime();
            produce(bootstrap, Topics.ARTICLES_RAW, keys, values);
            double produced = (System.nanoTime() - start) / 1e9;
            long peakLag = 0;
            double classifierDone = -1;
            double nextScrape = 0;
            while (true) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                long classified = classifiedTopic.records() - classifiedBefore;
                if (classifierDone < 0 && classified >= n) {
                    classifierDone = elapsed;
                }
                if (classifierDone >= 0 || elapsed >= nextScrape) {
                    double consumed = counter(pipeline.serviceUrl(Services.NOTIFIER), "pactwatch_notifier_articles_consumed_total") - already;
                    peakLag = Math.max(peakLag, n - (long) consumed);
                    nextScrape = elapsed + 1;
                    if (consumed >= n) {
                        break;
                    }
                    if (elapsed > 1800) {
                        throw new IllegalStateException("not done after 30 min: classified " + classified + ", notified " + consumed);
                    }
                }
                Thread.sleep(100);
            }
            double total = (System.nanoTime() - start) / 1e9;
            Map<String, ProcessStats> after = stats(pipeline);
            Map<String, Double> jitAfter = jit(pipeline);
            long[] outbox = EventStoreCounts.outbox(pipeline.postgres(), pipeline.settings().notifierDatabase());
            return new Run(produced, classifierDone, total, peakLag, before, after, jitBefore, jitAfter,
                    Batches.of(pipeline.serviceUrl(Services.NOTIFIER)).minus(batchesBefore), outbox[0] - outboxBefore[0],
                    outbox[1] - outboxBefore[1]);
        }
    }

    /** CPU seconds of each service's JIT compiler threads. */
    private static Map<String, Double> jit(Pipeline pipeline) {
        Map<String, Double> jit = new LinkedHashMap<>();
        for (String service : List.of(Services.CLASSIFIER, Services.NOTIFIER)) {
            jit.put(service, ThreadCpu.of(pipeline.service(service).handle().pid()).getOrDefault(ThreadCpu.JIT_THREADS, 0.0));
        }
        return jit;
    }

    /** The services, the broker, every PostgreSQL process of the machine and this benchmark (producer and scrapes). */
    private static Map<String, ProcessStats> stats(Pipeline pipeline) {
        Map<String, ProcessStats> stats = new LinkedHashMap<>();
        for (String service : List.of(Services.CLASSIFIER, Services.NOTIFIER)) {
            stats.put(service, ProcessStats.of(pipeline.service(service).handle().pid()));
        }
        stats.put("broker", ProcessStats.ofBroker());
        stats.put("postgresql", ProcessStats.ofCommand("postgres"));
        stats.put("benchmark", new ProcessStats(ProcessStats.of(ProcessHandle.current().pid()).cpuSeconds(), -1));
        return stats;
    }

    /** Sum of all samples of a Prometheus counter, scraped from a service's {@code /q/metrics}. */
    static double counter(String url, String name) {
        return PrometheusText.sum(Http.get(url + "/q/metrics", null).body(), name, null);
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
            sendAll(producer, topic, keys, values);
        }
    }

    /** Sends every record (key i with value i), then waits until the broker acknowledged all of them. */
    static void sendAll(KafkaProducer<String, String> producer, String topic, List<String> keys, List<String> values) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i))));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("produce failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

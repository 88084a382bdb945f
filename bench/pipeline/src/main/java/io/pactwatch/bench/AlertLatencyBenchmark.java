package io.pactwatch.bench;

import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.DemoClient;
import io.pactwatch.local.LocalPostgres;
import io.pactwatch.local.Pipeline;
import io.pactwatch.local.PipelineSettings;
import io.pactwatch.local.demo.SlackCapture;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Alert latency under background load, in one run on this machine: while other news flows into
 * {@code pactwatch.articles.raw} at a steady rate (default 100 articles/s, none of it agreement news, so no other
 * alert competes for the webhook's pacing), a probe article about a new negotiation round (a new event, so one
 * alert) is published every 2 s; the time from its publish to the Slack stand-in receiving its alert is recorded.
 * The first probes (default {@link #WARM_UP_PROBES}) warm up the alert path (the background news never reaches it: first query
 * parses, JIT); their latencies are printed apart and not counted. Prints p50/p90/p99/max.
 * Usage: {@code AlertLatencyBenchmark [probes] [background articles/s] [warm-up probes]} (default 60, 100, 20).
 */
public final class AlertLatencyBenchmark {

    /**
     * Probes sent first and not counted: the first alerts pay one-time costs (query parsing, JIT) of the alert path.
     * With 5, the slowest counted probes were always the next ten or so (printed with their numbers).
     */
    static final int WARM_UP_PROBES = 20;
    /** The notifier's default {@code pactwatch.notifier.dispatch.claim-timeout}: a claim is its claimed_until minus this. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);
    private static final String[] COUNTRIES = {"Norway", "Spain", "Portugal", "Belgium", "Sweden", "Iceland", "Poland",
        "Czechia", "Estonia", "Lithuania", "Luxembourg", "Romania", "Greece", "Ireland", "Slovenia", "Croatia"};

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : WARM_UP_PROBES;
        ServiceJvm.applyDefault();
        List<RawArticle> background = SyntheticArticles.generate(20_000, 7).stream()
                .filter(a -> !a.title().contains("Ukraine")).toList();
        PipelineSettings settings = PipelineSettings.isolated(Files.createTempDirectory("pactwatch-latency-"))
                .withDatabaseSuffix("bench_" + ProcessHandle.current().pid());
        try {
            try (Pipeline pipeline = new Pipeline(settings).start()) {
                new DemoClient(pipeline).subscribeSlack("latency", List.of(EventType.values()));
                Map<String, Instant> received = new ConcurrentHashMap<>();
                pipeline.slack().onMessage(r -> {
                    String body = Json.write(r.payload());
                    int at = body.indexOf("bench.example/probe-");
                    if (at >= 0) {
                        String id = body.substring(at + "bench.example/".length()).split("[|\"<>]")[0];
                        received.putIfAbsent(id, r.at());
                    }
                });
                Properties props = new Properties();
                props.put("bootstrap.servers", settings.kafkaBootstrap());
                props.put("acks", "all");
                props.put("linger.ms", "0");
                AtomicBoolean running = new AtomicBoolean(true);
                Map<String, Instant> classified = new ConcurrentHashMap<>();
                Thread stage = new Thread(() -> watchClassified(settings.kafkaBootstrap(), classified, running), "classified");
                stage.start();
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                        new StringSerializer())) {
                    Thread load = new Thread(() -> backgroundLoad(producer, background, rate, running), "background");
                    load.start();
                    Thread.sleep(10_000); // let the JITs warm up under the background load
                    Map<String, Instant> sent = new ConcurrentHashMap<>();
                    for (int i = 0; i < warmUps + probes; i++) {
                        RawArticle probe = probe(i);
                        Instant at = Instant.now();
                        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, probe.articleId(), Json.write(probe)));
                        sent.put("probe-" + i, at);
                        Thread.sleep(2_000);
                    }
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (received.size() < warmUps + probes && System.nanoTime() < deadline) {
                        Thread.sleep(200);
                    }
                    running.set(false);
                    load.join();
                    stage.join();
                    List<Long> warmUp = new ArrayList<>();
                    List<Long> warmUpClassified = new ArrayList<>();
                    Map<String, Instant> warmUpReceived = new java.util.HashMap<>();
                    for (int i = 0; i < warmUps; i++) {
                        Instant got = received.get("probe-" + i);
                        Instant published = sent.remove("probe-" + i);
                        Instant cls = classified.get("probe-" + i);
                        warmUp.add(got == null ? -1 : Duration.between(published, got).toMillis());
                        warmUpClassified.add(cls == null ? -1 : Duration.between(published, cls).toMillis());
                        if (got != null) {
                            warmUpReceived.put("probe-" + i, got);
                        }
                    }
                    System.out.printf("%nwarm-up probes (not counted, ms; -1 = not received): %s%n", warmUp);
                    System.out.printf("warm-up probes, raw -> classified (ms): %s%n", warmUpClassified);
                    NotifierStages.printEach(LocalPostgres.fromEnvironment(), settings.notifierDatabase(), CLAIM_TIMEOUT,
                            classified, warmUpReceived, "warm-up probes");
                    report(probes, rate, sent, received);
                    stages(sent, classified, received);
                    Map<String, Instant> counted = new ConcurrentHashMap<>(received);
                    counted.keySet().retainAll(sent.keySet()); // the warm-up probes were taken out of sent
                    NotifierStages.print(LocalPostgres.fromEnvironment(), settings.notifierDatabase(),
                            CLAIM_TIMEOUT, classified, counted);
                }
            }
        } finally {
            RunCleanUp.remove(settings);
        }
    }

    private static void backgroundLoad(KafkaProducer<String, String> producer, List<RawArticle> articles, int rate,
            AtomicBoolean running) {
        long start = System.nanoTime();
        long sent = 0;
        while (running.get()) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (sent < due) {
                RawArticle a = articles.get((int) (sent % articles.size()));
                RawArticle fresh = new RawArticle(a.articleId() + "-" + sent, a.revision(), a.feedId(), a.feedName(),
                        a.url(), a.title(), a.summary(), a.content(), Instant.now(), Instant.now(), a.contentHash());
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, fresh.articleId(), Json.write(fresh)));
                sent++;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A numbered round with its own counterpart and number: a new event, hence one alert. */
    private static RawArticle probe(int i) {
        String country = COUNTRIES[i % COUNTRIES.length];
        int round = 1 + i / COUNTRIES.length;
        String ordinal = round + (round % 10 == 1 && round != 11 ? "st" : round % 10 == 2 && round != 12 ? "nd"
                : round % 10 == 3 && round != 13 ? "rd" : "th");
        Instant now = Instant.now();
        String date = LocalDate.ofInstant(now, ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
        String id = "probe-" + i;
        return new RawArticle(id, 1, "bench", "Bench Wire", "https://bench.example/" + id,
                "Ukraine and " + country + " hold " + ordinal + " round of security talks",
                "Ukrainian and " + country + " negotiators held the " + ordinal + " round of talks on a bilateral"
                        + " security agreement on " + date + ", the presidential office said.",
                null, now, now, String.format("%064x", 1_000_000 + i));
    }

    private static void report(int probes, int rate, Map<String, Instant> sent, Map<String, Instant> received) {
        List<Long> ms = new ArrayList<>();
        for (Map.Entry<String, Instant> e : sent.entrySet()) {
            Instant got = received.get(e.getKey());
            if (got != null) {
                ms.add(Duration.between(e.getValue(), got).toMillis());
            }
        }
        long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%n== pactwatch alert latency: %d probes, background %d articles/s ==%n", probes, rate);
        System.out.printf("service JVM options : %s%n", System.getProperty(Pipeline.JVM_OPTIONS_PROPERTY));
        System.out.printf("alerts received     : %d of %d%n", sorted.length, probes);
        if (sorted.length > 0) {
            System.out.printf("raw publish -> Slack: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", pct(sorted, 50),
                    pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1]);
            System.out.printf("all (ms)            : %s%n", Arrays.toString(sorted));
        }
    }

    /**
     * Where the time goes: when each probe's classified record was made (its producer timestamp, set by the
     * classifier when it sent the record), splitting the latency into raw publish → classified and classified → Slack.
     */
    private static void watchClassified(String bootstrap, Map<String, Instant> classified, AtomicBoolean running) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_CLASSIFIED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && r.key().startsWith("probe-")) {
                        classified.putIfAbsent(r.key(), Instant.ofEpochMilli(r.timestamp()));
                    }
                }
            }
        }
    }

    private static void stages(Map<String, Instant> sent, Map<String, Instant> classified, Map<String, Instant> received) {
        List<long[]> split = new ArrayList<>();
        sent.forEach((id, at) -> {
            Instant c = classified.get(id);
            Instant r = received.get(id);
            if (c != null && r != null) {
                split.add(new long[] {Duration.between(at, c).toMillis(), Duration.between(c, r).toMillis()});
            }
        });
        long[] first = split.stream().mapToLong(s -> s[0]).sorted().toArray();
        long[] second = split.stream().mapToLong(s -> s[1]).sorted().toArray();
        if (first.length == 0) {
            return;
        }
        System.out.printf("raw -> classified   : p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", pct(first, 50),
                pct(first, 90), pct(first, 99), first[first.length - 1]);
        System.out.printf("classified -> Slack : p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", pct(second, 50),
                pct(second, 90), pct(second, 99), second[second.length - 1]);
        System.out.printf("slowest (raw->classified + classified->Slack ms): %s%n", split.stream()
                .sorted((a, b) -> Long.compare(b[0] + b[1], a[0] + a[1])).limit(5).map(Arrays::toString).toList());
    }

    private static long pct(long[] sorted, int p) {
        return NotifierStages.pct(sorted, p);
    }
}

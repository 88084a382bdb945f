package io.pactwatch.bench;

import io.pactwatch.local.Pipeline;
import io.pactwatch.local.PipelineSettings;
import io.pactwatch.local.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue #11's replay figure: how long the notifier takes to rebuild an empty event store from N classified records
 * already on {@code pactwatch.articles.classified} (default 1,000,000). The records are made and published before the
 * notifier starts, and neither the poller nor the classifier runs, so the timed part is the notifier alone; a plain
 * consumer reading the same records is the Kafka ceiling. Usage: {@code ReplayBenchmark [N]}.
 */
public final class ReplayBenchmark {

    private static final String CONSUMED = "pactwatch_notifier_articles_consumed_total";
    /** How strongly reports crowd on the most popular events (see {@link NewsEvents#nextReport()}); 1 spreads evenly. */
    static final String SKEW_PROPERTY = "pactwatch.bench.replay-skew";

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ServiceJvm.applyDefault();
        PipelineSettings settings = PipelineSettings.isolated(Files.createTempDirectory("pactwatch-replay-"))
                .withDatabaseSuffix("bench_" + ProcessHandle.current().pid());
        try (Pipeline pipeline = new Pipeline(settings).start(List.of())) {
            String bootstrap = settings.kafkaBootstrap();
            ClassifiedCorpus corpus = new ClassifiedCorpus(42, Double.parseDouble(System.getProperty(SKEW_PROPERTY, "3")));
            log("making and publishing %,d classified records (load %s)", n, loadAverage());
            long start = System.nanoTime();
            ClassifiedTopic.fill(bootstrap, corpus, n);
            double filled = seconds(start);
            log("published in %.1f s (load %s); reading them back with a plain consumer", filled, loadAverage());
            String ceilingLoad = loadAverage();
            double ceiling = ClassifiedTopic.readAll(bootstrap, n);
            ceilingLoad += " -> " + loadAverage();
            Replay replay = replay(pipeline, n);
            Map<String, Long> rows = EventStoreCounts.of(pipeline.postgres(), settings.notifierDatabase());
            report(n, corpus, filled, ceiling, ceilingLoad, replay, rows);
            System.out.printf("event store shape                 : %s%n",
                    EventStoreCounts.shape(pipeline.postgres(), settings.notifierDatabase()));
        } finally {
            RunCleanUp.remove(settings);
        }
    }

    /** What the timed part observed. */
    private record Replay(double launchToFirst, double firstToDone, double cpuStartUp, double cpuTotal, long rssKib,
            String loadAtStart, String loadAtEnd) {
    }

    /**
     * Starts the notifier against its empty database and samples its consumed counter every second until it reaches
     * N (a scrape of its metrics costs the notifier CPU: every 200 ms it was ~4 % of its profile samples). The timed part runs from the first sample with a record consumed (the service's metrics come up with it) to
     * the sample that sees N; its CPU is the process's CPU over the same span.
     */
    private static Replay replay(Pipeline pipeline, int n) throws InterruptedException {
        String loadAtStart = loadAverage();
        long launch = System.nanoTime();
        long pid = pipeline.startService(Services.NOTIFIER).handle().pid();
        String url = pipeline.serviceUrl(Services.NOTIFIER);
        long first = 0;
        double cpuAtFirst = 0;
        long lastReport = launch;
        double consumedAtLastReport = 0;
        double timeoutSeconds = 600 + n / 50.0;
        while (true) {
            double consumed = PipelineBenchmark.counter(url, CONSUMED);
            long now = System.nanoTime();
            if (first == 0 && consumed > 0) {
                first = now;
                cpuAtFirst = ProcessStats.of(pid).cpuSeconds();
                log("notifier consuming after %.1f s from launch", (now - launch) / 1e9);
            }
            if (consumed >= n) {
                ProcessStats end = ProcessStats.of(pid);
                return new Replay((first - launch) / 1e9, (now - first) / 1e9, cpuAtFirst, end.cpuSeconds(), end.rssKib(),
                        loadAtStart, loadAverage());
            }
            if (now - lastReport >= 10_000_000_000L) {
                log("consumed %,.0f (%,.0f/s over the last %.0f s), RSS %,d MiB, load %s", consumed,
                        (consumed - consumedAtLastReport) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9,
                        ProcessStats.of(pid).rssKib() / 1024, loadAverage());
                lastReport = now;
                consumedAtLastReport = consumed;
            }
            if ((now - launch) / 1e9 > timeoutSeconds) {
                throw new IllegalStateException("notifier consumed only " + consumed + " of " + n + " after "
                        + timeoutSeconds + " s");
            }
            Thread.sleep(1000);
        }
    }

    private static void report(int n, ClassifiedCorpus corpus, double filled, double ceiling, String ceilingLoad,
            Replay replay, Map<String, Long> rows) {
        double cpu = replay.cpuTotal() - replay.cpuStartUp();
        System.out.printf("%n== pactwatch replay benchmark: %,d classified records into an empty event store ==%n", n);
        System.out.printf("service JVM options               : %s%n", System.getProperty(Pipeline.JVM_OPTIONS_PROPERTY));
        System.out.printf("event popularity skew             : %s (%s)%n", corpus.skew(), SKEW_PROPERTY);
        System.out.printf("records (classifier %s)   : %,d relevant (%.1f %%), %,d events extracted, %,d distinct"
                + " (counterpart, type, round); calendar of %,d events%n", corpus.classifierVersion(), corpus.relevant(),
                100.0 * corpus.relevant() / n, corpus.extractedEvents(), corpus.distinctEvents(), corpus.calendarSize());
        System.out.printf("made, classified and published in : %,.1f s (%,.0f records/s)%n", filled, n / filled);
        System.out.printf("Kafka ceiling (plain consumer)    : %,.1f s = %,.0f records/s (load %s)%n", ceiling,
                n / ceiling, ceilingLoad);
        System.out.printf("notifier launch -> first consumed : %,.1f s%n", replay.launchToFirst());
        System.out.printf("REPLAY first consumed -> all N    : %,.1f s = %,.0f records/s (%.1f %% of the ceiling)%n",
                replay.firstToDone(), n / replay.firstToDone(), 100 * ceiling / replay.firstToDone());
        System.out.printf("load average at start / end       : %s / %s%n", replay.loadAtStart(), replay.loadAtEnd());
        System.out.printf("notifier CPU during the replay    : %,.1f s (%.2f cores); start-up %,.1f s%n", cpu,
                cpu / replay.firstToDone(), replay.cpuStartUp());
        System.out.printf("notifier RSS at the end           : %,d MiB%n", replay.rssKib() / 1024);
        System.out.printf("event store rows                  : %,d %s%n",
                rows.values().stream().mapToLong(Long::longValue).sum(), rows);
        System.out.printf("events created                    : %,d%n", rows.get("agreement_event"));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[replay %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}

package io.pactwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How many feeds one feed-poller can keep polling, and how it compares with a tool a user might run instead, measured
 * on this machine: the real poller (service jar, own broker, own database) polls N feeds of a local {@link FeedFarm}
 * that answer mostly 304 and now and then carry a new item. Prints figures; not a test.
 *
 * <pre>
 * PollerScaleBenchmark scale [feeds=10000] [intervalSeconds=60] [windowSeconds=120] [changePercentPerInterval=5]
 * PollerScaleBenchmark peer  [feeds=500] [changePercent=5] [rounds=2] [pollerWarmUpPasses=10]
 * </pre>
 *
 * {@code scale}: steady polling at feeds/interval fetches/s over a window of whole intervals (fetches/s, 304 share,
 * items published, CPU and RSS), then one forced pass over all feeds as fast as the poller goes (its ceiling).
 * {@code peer}: on the same feed set, Debian's rss2email ({@code r2e}, mail to a local maildir) and the poller each
 * process all feeds once, unchanged and with a share of the feeds changed: wall and CPU side by side.
 */
public final class PollerScaleBenchmark {

    private static final int ITEMS_PER_FEED = 5;

    private PollerScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "scale";
        switch (mode) {
            case "scale" -> scale(intArg(args, 1, 10_000), intArg(args, 2, 60), intArg(args, 3, 120), doubleArg(args, 4, 5.0));
            case "peer" -> peer(intArg(args, 1, 500), doubleArg(args, 2, 5.0), intArg(args, 3, 2), intArg(args, 4, 10));
            default -> throw new IllegalArgumentException("mode is scale or peer, not " + mode);
        }
    }

    // ---------------------------------------------------------------------------------------------------- scale

    private static void scale(int feeds, int interval, int window, double changePercent) throws Exception {
        System.out.printf("%s load %s%n", java.time.Instant.now(), load());
        try (FeedFarm farm = new FeedFarm(feeds, ITEMS_PER_FEED);
                PollerUnderTest poller = new PollerUnderTest(PollerUnderTest.workDir()).start(Map.of())) {
            System.out.printf("feed farm: %,d feeds of %d items, %,d bytes per document%n", feeds, ITEMS_PER_FEED,
                    farm.documentBytes());
            double registration = poller.register(farm, interval);
            System.out.printf("registered %,d feeds through the API in %.1f s%n", feeds, registration);
            long primeStart = System.nanoTime();
            awaitPolled(poller, null, feeds, 900);
            double priming = (System.nanoTime() - primeStart) / 1e9;
            System.out.printf("first pass done %.1f s after registration: %,d items published (%,d served with 200)%n",
                    priming, (long) poller.metric("pactwatch_poller_items_published_total", null), farm.ok());

            poller.spreadOverInterval(interval);
            ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor();
            double perSecond = feeds * changePercent / 100.0 / interval;
            double[] carry = {0};
            changes.scheduleAtFixedRate(() -> {
                carry[0] += perSecond;
                int now = (int) carry[0];
                carry[0] -= now;
                farm.advance(now);
            }, 1, 1, TimeUnit.SECONDS);
            Thread.sleep(5_000);

            Snapshot before = Snapshot.of(poller, farm);
            List<Double> rates = new ArrayList<>();
            long peakRss = before.poller.rssKib();
            double maxOverdue = 0;
            long maxOverdueFeeds = 0;
            Snapshot last = before;
            long end = System.nanoTime() + window * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                Snapshot s = Snapshot.of(poller, farm);
                rates.add((s.fetches - last.fetches) / s.secondsSince(last));
                peakRss = Math.max(peakRss, s.poller.rssKib());
                double[] overdue = poller.overdue(5);
                maxOverdueFeeds = Math.max(maxOverdueFeeds, (long) overdue[0]);
                maxOverdue = Math.max(maxOverdue, overdue[1]);
                last = s;
            }
            Snapshot after = last;
            changes.shutdownNow();
            double seconds = after.secondsSince(before);
            double fetchRate = (after.fetches - before.fetches) / seconds;
            double share304 = (after.fetches304 - before.fetches304) / (after.fetches - before.fetches);
            double pollerCores = (after.poller.cpuSeconds() - before.poller.cpuSeconds()) / seconds;
            double pgCores = PollerUnderTest.backendCpu(before.postgres, after.postgres) / seconds;
            double brokerCores = (after.broker.cpuSeconds() - before.broker.cpuSeconds()) / seconds;
            double farmCores = (after.bench.cpuSeconds() - before.bench.cpuSeconds()) / seconds;

            System.out.printf("%n== feed-poller scale: %,d feeds, interval %d s (offered %.0f fetches/s), window %.0f s, "
                    + "%.1f %% of the feeds changed per interval ==%n", feeds, interval, feeds / (double) interval, seconds,
                    changePercent);
            System.out.printf("poller settings           : %s%n", poller.settings());
            System.out.printf("fetches                   : %,d (%,.1f fetches/s sustained; 5-s samples min %.0f, max %.0f)%n",
                    (long) (after.fetches - before.fetches), fetchRate, rates.stream().mapToDouble(d -> d).min().orElse(0),
                    rates.stream().mapToDouble(d -> d).max().orElse(0));
            System.out.printf("304 share                 : %.1f %% (errors: %,d)%n", 100 * share304,
                    (long) (after.errors - before.errors));
            System.out.printf("items published           : %,d (farm added %,d new items in the window)%n",
                    (long) (after.published - before.published), after.itemsAdded - before.itemsAdded);
            System.out.println("                            (an item is published at its feed's next poll, up to one interval later)");
            System.out.printf("falling behind            : at most %,d feeds more than 5 s late, largest lateness %.1f s%n",
                    maxOverdueFeeds, maxOverdue);
            System.out.printf("poller CPU                : %.3f cores (%.2f ms CPU per fetch)%n", pollerCores,
                    1000 * pollerCores / fetchRate);
            System.out.printf("poller RSS                : %,d MiB at the end, %,d MiB peak (5-s samples)%n",
                    after.poller.rssKib() / 1024, peakRss / 1024);
            System.out.printf("its PostgreSQL backends   : %.3f cores%n", pgCores);
            System.out.printf("Kafka broker              : %.3f cores%n", brokerCores);
            System.out.printf("feed farm (bench JVM)     : %.3f cores%n", farmCores);
            double target = 50_000 / 300.0;
            System.out.printf("extrapolation, 50,000 feeds / 5 min = %.0f fetches/s: poller %.2f cores, poller + its "
                    + "PostgreSQL backends %.2f cores (linear in the fetch rate; an extrapolation, not measured)%n",
                    target, pollerCores * target / fetchRate, (pollerCores + pgCores) * target / fetchRate);

            // one pass over all feeds as fast as the poller goes: its ceiling on this machine
            Pass pass = pollerPass(poller, farm, feeds);
            System.out.printf("forced full pass          : %,d feeds in %.1f s = %,.0f fetches/s; poller %.2f cores, "
                    + "PostgreSQL backends %.2f cores, broker %.2f cores, farm %.2f cores%n", feeds, pass.wall,
                    feeds / pass.wall, pass.pollerCpu / pass.wall, pass.pgCpu / pass.wall, pass.brokerCpu / pass.wall,
                    pass.benchCpu / pass.wall);
        }
        System.out.printf("%s load %s%n", java.time.Instant.now(), load());
    }

    // ---------------------------------------------------------------------------------------------------- peer

    private static void peer(int feeds, double changePercent, int rounds, int warmUps) throws Exception {
        System.out.printf("%s load %s%n", java.time.Instant.now(), load());
        Path work = PollerUnderTest.workDir();
        try (FeedFarm farm = new FeedFarm(feeds, ITEMS_PER_FEED);
                PollerUnderTest poller = new PollerUnderTest(work).start(Map.of())) {
            // the poller: registered with a long interval, so it polls each feed once now and then only when told
            System.out.printf("feed farm: %,d feeds of %d items, %,d bytes per document%n", feeds, ITEMS_PER_FEED,
                    farm.documentBytes());
            double registration = poller.register(farm, 86_400);
            awaitPolled(poller, null, feeds, 600);
            System.out.printf("poller: %,d feeds registered in %.1f s and polled once (%,d items published)%n",
                    feeds, registration, (long) poller.metric("pactwatch_poller_items_published_total", null));

            // warm-up for the poller's JIT (it runs for days; rss2email starts cold every time by design). Each pass
            // has the timed rounds' share of changed feeds, so the JIT has seen the 200 path (parse, publish, seen
            // set) as often as a poller that ran a while, not only the 304 path.
            for (int i = 0; i < warmUps; i++) {
                int changed = farm.advance((int) Math.round(feeds * changePercent / 100));
                Pass warm = pollerPass(poller, farm, feeds);
                if (i == 0 || i == warmUps - 1 || (i + 1) % 10 == 0) {
                    System.out.printf("poller: warm-up pass %d of %d (%d feeds changed): wall %.2f s, CPU %.2f s (JIT "
                            + "compiler threads %.2f s)%n", i + 1, warmUps, changed, warm.wall, warm.pollerCpu, warm.jitCpu);
                }
            }

            // rss2email after the warm-up, so its priming run also reads the items the warm-up added: both start
            // round 0 having seen every item
            Rss2Email r2e = new Rss2Email(work.resolve("rss2email"));
            Map<String, String> declared = new java.util.LinkedHashMap<>();
            for (int n = 0; n < feeds; n++) {
                declared.put("farm-" + n, farm.url(n));
            }
            Rss2Email.Run imported = r2e.importFeeds(declared);
            System.out.printf("rss2email: %,d feeds added with r2e opmlimport in %.1f s; listed: %d%n", feeds,
                    imported.wall(), r2e.listed());
            Rss2Email.Run priming = r2e.run(true);
            System.out.printf("rss2email: priming run (r2e run --no-send): wall %.2f s, CPU %.2f s%n", priming.wall(), priming.cpu());
            Rss2Email.Run startup = r2e.list();
            System.out.printf("rss2email: start-up alone (r2e list): wall %.2f s, CPU %.2f s%n", startup.wall(), startup.cpu());

            System.out.printf("%n== side by side: %,d feeds, %d items each; rss2email %s vs the feed-poller ==%n",
                    feeds, ITEMS_PER_FEED, Rss2Email.version());
            System.out.printf("poller settings: %s%n", poller.settings());
            System.out.println("round | changed feeds | r2e wall | r2e CPU | r2e 200/304 | mails | poller wall | poller CPU (of it JIT) "
                    + "| +PG | +broker | poller 200/304 | published | wall ratio | CPU ratio (poller alone / with PG+broker)");
            for (int round = 0; round <= rounds; round++) {
                int changed = round == 0 ? 0 : farm.advance((int) Math.round(feeds * changePercent / 100));
                long mailsBefore = r2e.mails();
                long ok0 = farm.ok();
                long nm0 = farm.notModified();
                Rss2Email.Run run = r2e.run(false);
                long mails = r2e.mails() - mailsBefore;
                String r2eServed = (farm.ok() - ok0) + "/" + (farm.notModified() - nm0);
                long publishedBefore = (long) poller.metric("pactwatch_poller_items_published_total", null);
                long ok1 = farm.ok();
                long nm1 = farm.notModified();
                Pass pass = pollerPass(poller, farm, feeds);
                String pollerServed = (farm.ok() - ok1) + "/" + (farm.notModified() - nm1);
                long published = (long) poller.metric("pactwatch_poller_items_published_total", null) - publishedBefore;
                System.out.printf("%5d | %13d | %6.2f s | %5.2f s | %11s | %5d | %9.2f s | %5.2f s (%.2f s) | %.2f s | %.2f s | %14s "
                        + "| %9d | %8.1f x | %.1f x / %.1f x%n", round, changed, run.wall(), run.cpu(), r2eServed, mails,
                        pass.wall, pass.pollerCpu, pass.jitCpu, pass.pgCpu, pass.brokerCpu, pollerServed, published,
                        run.wall() / pass.wall, run.cpu() / pass.pollerCpu,
                        run.cpu() / (pass.pollerCpu + pass.pgCpu + pass.brokerCpu));
            }
            for (String outcome : List.of("304", "200")) {
                String label = "outcome=\"" + outcome + "\"";
                double count = poller.metric("pactwatch_poller_fetch_duration_seconds_count", label);
                System.out.printf("poller %s polls since start: %,.0f, mean %.1f ms from poll start to fetched, parsed and published (outcome "
                        + "write not included), recent max %.1f ms%n", outcome, count,
                        1000 * poller.metric("pactwatch_poller_fetch_duration_seconds_sum", label) / Math.max(1, count),
                        1000 * poller.metric("pactwatch_poller_fetch_duration_seconds_max", label));
            }
            System.out.println("(poller wall: from the first request of the pass to the last feed recorded in PostgreSQL; "
                    + "r2e wall: the whole command, interpreter start included; CPU: user + system; JIT: the poller's compiler "
                    + "threads, part of its CPU)");
        }
        System.out.printf("%s load %s%n", java.time.Instant.now(), load());
    }

    /** {@code -Dpactwatch.bench.thread-cpu=true}: print each pass's poller CPU by thread group. */
    private static final boolean THREAD_CPU = Boolean.getBoolean("pactwatch.bench.thread-cpu");

    /** One timed pass: wall from its first request to its last feed recorded; CPU seconds over the same span. */
    private record Pass(double wall, double pollerCpu, double pgCpu, double brokerCpu, double benchCpu, double jitCpu) {
    }

    /**
     * Makes every feed due and waits until each was polled and recorded; timed from the first request it sent. The
     * CPU readings at both ends are taken from /proc only: no metrics scrape, which would make the poller render its
     * Prometheus page (tens of ms of its CPU) inside the measured span for the benchmark's sake.
     */
    private static Pass pollerPass(PollerUnderTest poller, FeedFarm farm, int feeds) throws Exception {
        long requestsBefore = farm.requests();
        OffsetDateTime due = poller.makeAllDue();
        long first = 0;
        CpuReading atFirst = null;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            if (first == 0 && farm.requests() > requestsBefore) {
                first = System.nanoTime();
                // CPU counted from here: the poller idles until its next tick (up to 1 s) after the feeds became due
                atFirst = CpuReading.of(poller);
            }
            if (first != 0 && poller.polledSince(due) >= feeds) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pass not done after 300 s");
            }
            Thread.sleep(first == 0 ? 1 : 10);
        }
        long done = System.nanoTime();
        CpuReading after = CpuReading.of(poller);
        if (THREAD_CPU) {
            System.out.println("  poller threads: " + ThreadCpu.difference(atFirst.threads, after.threads));
        }
        double jit = after.threads.getOrDefault(ThreadCpu.JIT_THREADS, 0.0) - atFirst.threads.getOrDefault(ThreadCpu.JIT_THREADS, 0.0);
        return new Pass((done - first) / 1e9, after.poller.cpuSeconds() - atFirst.poller.cpuSeconds(),
                PollerUnderTest.backendCpu(atFirst.postgres, after.postgres),
                after.broker.cpuSeconds() - atFirst.broker.cpuSeconds(), after.bench.cpuSeconds() - atFirst.bench.cpuSeconds(),
                jit);
    }

    /** The CPU figures of a pass, all from /proc (the PostgreSQL backends found through the benchmark's connection). */
    private record CpuReading(ProcessStats poller, Map<String, Double> threads, ProcessStats broker, ProcessStats bench,
            Map<Integer, Double> postgres) {

        static CpuReading of(PollerUnderTest p) throws Exception {
            return new CpuReading(p.pollerStats(), ThreadCpu.of(p.pollerPid()), ProcessStats.ofBroker(),
                    ProcessStats.of(ProcessHandle.current().pid()), p.postgresBackends());
        }
    }

    // ---------------------------------------------------------------------------------------------------- shared

    /** One reading of everything a figure is computed from. */
    private record Snapshot(long nanos, double fetches, double fetches304, double errors, double published,
            ProcessStats poller, ProcessStats broker, ProcessStats bench, Map<Integer, Double> postgres, long itemsAdded) {

        static Snapshot of(PollerUnderTest p, FeedFarm farm) throws Exception {
            double all = p.metric("pactwatch_poller_fetches_total", null);
            double n304 = p.metric("pactwatch_poller_fetches_total", "outcome=\"304\"");
            double n200 = p.metric("pactwatch_poller_fetches_total", "outcome=\"200\"");
            return new Snapshot(System.nanoTime(), all, n304, all - n304 - n200,
                    p.metric("pactwatch_poller_items_published_total", null), p.pollerStats(), ProcessStats.ofBroker(),
                    ProcessStats.of(ProcessHandle.current().pid()), p.postgresBackends(), farm.itemsAdded());
        }

        double secondsSince(Snapshot earlier) {
            return (nanos - earlier.nanos) / 1e9;
        }
    }

    private static void awaitPolled(PollerUnderTest poller, OffsetDateTime since, int feeds, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (poller.polledSince(since) < feeds) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + poller.polledSince(since) + " of " + feeds + " feeds polled after "
                        + timeoutSeconds + " s");
            }
            Thread.sleep(200);
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static int intArg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static double doubleArg(String[] args, int i, double fallback) {
        return args.length > i ? Double.parseDouble(args[i]) : fallback;
    }
}

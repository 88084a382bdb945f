package io.pactwatch.bench;

import io.pactwatch.contracts.Json;
import io.pactwatch.local.ChildProcess;
import io.pactwatch.local.Http;
import io.pactwatch.local.KafkaBroker;
import io.pactwatch.local.LocalPostgres;
import io.pactwatch.local.Ports;
import io.pactwatch.local.Services;
import io.pactwatch.local.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The real feed-poller alone (its service jar as a child JVM) against a KRaft broker of its own and a database of its
 * own on the machine's PostgreSQL, for the poller-scale benchmark: the classifier and notifier are left out so they
 * do not share the two cores. Also reads what a run needs: the poller's metrics, the CPU of the poller, of the
 * PostgreSQL backends serving it and of the broker, and the feed table.
 */
final class PollerUnderTest implements AutoCloseable {

    static final String TOKEN = "bench-admin-token";

    private final Path work;
    private final LocalPostgres postgres = LocalPostgres.fromEnvironment();
    private final String database = "pactwatch_bench_poller_" + ProcessHandle.current().pid();
    private final int port = Ports.free();
    private KafkaBroker broker;
    private ChildProcess poller;
    private Connection jdbc;

    PollerUnderTest(Path work) {
        this.work = work;
    }

    PollerUnderTest start(Map<String, String> extraEnv) throws Exception {
        broker = new KafkaBroker(Ports.free(), Ports.free(), work.resolve("kafka/data"), work.resolve("logs/kafka.log")).start();
        broker.createTopics(TopicSpec.pipeline());
        postgres.recreateDatabase(database);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("PACTWATCH_ADMIN_TOKEN", TOKEN);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        // the feed farm listens on loopback, which the SSRF guard refuses unless allowed explicitly
        env.put("PACTWATCH_POLLER_SSRF_ALLOWLIST", "127.0.0.1/32");
        env.put("PACTWATCH_POLLER_MIN_INTERVAL_SECONDS", "1");
        env.put("PACTWATCH_POLLER_INSTANCE_ID", "bench-poller");
        env.putAll(extraEnv);
        env.putAll(envOverrides());
        // the full JIT and a fixed heap, as deployed (the test harness runs services with C1 only)
        List<String> jvm = List.of(System.getProperty("pactwatch.service.jvm-options",
                "-Xms128m -Xmx384m -XX:+UseSerialGC").trim().split("\\s+"));
        poller = ChildProcess.java(Services.POLLER, jvm, Services.runnableJar(Services.POLLER).toString(), null,
                List.of(), env, work.resolve("logs/feed-poller.log")).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            if (!poller.isAlive()) {
                throw new IllegalStateException("feed-poller exited during start; log: " + poller.logFile());
            }
            Http.Response r = Http.get(url() + "/q/health/ready", null);
            if (r.status() == 200 && r.body().contains("UP")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("feed-poller not ready; log: " + poller.logFile());
            }
            Thread.sleep(300);
        }
        jdbc = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
        return this;
    }

    /**
     * Poller settings from the system property {@value #ENV_PROPERTY} ({@code NAME=value,NAME=value}), e.g.
     * {@code PACTWATCH_POLLER_MAX_CONCURRENT_FETCHES=64}; empty for the defaults.
     */
    static Map<String, String> envOverrides() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String pair : System.getProperty(ENV_PROPERTY, "").split(",")) {
            if (pair.contains("=")) {
                env.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        return env;
    }

    static final String ENV_PROPERTY = "pactwatch.bench.poller-env";

    /** What the run changed from the poller's defaults, for the printout. */
    String settings() {
        return jvmOptions() + (envOverrides().isEmpty() ? ", poller defaults (max-concurrent-fetches 64, max-connections-per-host 16, tick 1 s)"
                : ", " + envOverrides());
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String jvmOptions() {
        return System.getProperty("pactwatch.service.jvm-options", "-Xms128m -Xmx384m -XX:+UseSerialGC");
    }

    /** Registers every feed of the farm through the management API (8 requests at a time); returns seconds taken. */
    double register(FeedFarm farm, int intervalSeconds) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int n = 0; n < farm.size(); n++) {
                String body = Json.write(Map.of("name", "Farm " + n, "url", farm.url(n), "intervalSeconds", intervalSeconds));
                answers.add(pool.submit(() -> Http.postJson(url() + "/api/feeds", TOKEN, body)));
            }
            for (Future<Http.Response> answer : answers) {
                Http.Response r = answer.get();
                if (r.status() != 201) {
                    throw new IllegalStateException("registration refused: " + r);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Feeds polled at least once (or, with {@code since}, since that database time). */
    int polledSince(OffsetDateTime since) throws SQLException {
        try (PreparedStatement ps = jdbc.prepareStatement(since == null
                ? "SELECT count(*) FROM feed WHERE last_polled_at IS NOT NULL"
                : "SELECT count(*) FROM feed WHERE last_polled_at >= ?")) {
            if (since != null) {
                ps.setObject(1, since);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Makes every feed due now (as if its interval had passed); returns the database time of the change. */
    OffsetDateTime makeAllDue() throws SQLException {
        try (PreparedStatement ps = jdbc.prepareStatement(
                "WITH t AS (UPDATE feed SET next_poll_at = now() RETURNING 1) SELECT now(), count(*) FROM t");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /**
     * Spreads the next polls uniformly over one interval, as the jitter of a long-running poller has: after the first
     * pass the feeds would otherwise stay bunched the way they were registered.
     */
    void spreadOverInterval(int intervalSeconds) throws SQLException {
        try (PreparedStatement ps = jdbc.prepareStatement(
                "UPDATE feed SET next_poll_at = now() + make_interval(secs => random() * ?)")) {
            ps.setDouble(1, intervalSeconds);
            ps.executeUpdate();
        }
    }

    /** Feeds whose poll is more than {@code seconds} late and not in flight; and the largest lateness in seconds. */
    double[] overdue(int seconds) throws SQLException {
        try (PreparedStatement ps = jdbc.prepareStatement("SELECT count(*) FILTER (WHERE next_poll_at < now() - "
                + "make_interval(secs => ?) AND lease_owner IS NULL), COALESCE(extract(epoch FROM now() - min(next_poll_at)), 0) "
                + "FROM feed WHERE lease_owner IS NULL")) {
            ps.setDouble(1, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getLong(1), Math.max(0, rs.getDouble(2))};
            }
        }
    }

    /** Sum of the feed table's items_published and of the seen items. */
    long seenItems() throws SQLException {
        try (PreparedStatement ps = jdbc.prepareStatement("SELECT count(*) FROM seen_item"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sum of the samples of a Prometheus metric of the poller whose labels contain {@code labelPart} (or all). */
    double metric(String name, String labelPart) {
        return io.pactwatch.local.testing.PrometheusText.sum(Http.get(url() + "/q/metrics", null).body(), name, labelPart);
    }

    long pollerPid() {
        return poller.handle().pid();
    }

    ProcessStats pollerStats() {
        return ProcessStats.of(poller.handle().pid());
    }

    /** CPU seconds so far of each PostgreSQL backend serving the poller's database (not this benchmark's own). */
    Map<Integer, Double> postgresBackends() throws SQLException {
        Map<Integer, Double> cpu = new HashMap<>();
        try (PreparedStatement ps = jdbc.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ProcessStats s = ProcessStats.of(rs.getInt(1));
                if (s.cpuSeconds() >= 0) {
                    cpu.put(rs.getInt(1), s.cpuSeconds());
                }
            }
        }
        return cpu;
    }

    /** CPU seconds the poller's PostgreSQL backends used between two {@link #postgresBackends()} readings. */
    static double backendCpu(Map<Integer, Double> before, Map<Integer, Double> after) {
        double sum = 0;
        for (Map.Entry<Integer, Double> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
        }
        return sum;
    }

    @Override
    public void close() {
        if (jdbc != null) {
            try {
                jdbc.close();
            } catch (SQLException ignored) {
                // closing a connection to a database about to be dropped
            }
        }
        if (poller != null) {
            poller.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        try {
            postgres.dropDatabase(database);
        } catch (RuntimeException e) {
            System.err.println("could not drop " + database + ": " + e.getMessage());
        }
    }

    static Path workDir() throws java.io.IOException {
        return Files.createTempDirectory("pactwatch-pollerscale-");
    }
}

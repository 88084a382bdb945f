package io.pactwatch.local;

import io.pactwatch.contracts.Json;
import io.pactwatch.local.demo.DemoFeedServer;
import io.pactwatch.local.demo.MailCatcher;
import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.local.demo.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline on one machine without Docker: a KRaft broker, the local PostgreSQL, the demo feed site, a Slack
 * stand-in, a mail catcher and the three services as separate JVMs. {@code ./pactwatch run} and the end-to-end test
 * both drive it; tests can kill -9 and restart any service.
 */
public final class Pipeline implements AutoCloseable {

    private final PipelineSettings settings;
    private final LocalPostgres postgres;
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> replicaPorts = new HashMap<>();
    private KafkaBroker broker;
    private DemoFeedServer feeds;
    private SlackCapture slack;
    private MailCatcher mail;

    public Pipeline(PipelineSettings settings) {
        this(settings, LocalPostgres.fromEnvironment());
    }

    /** A pipeline whose poller and notifier use the given PostgreSQL server (e.g. a private one a fault test stops). */
    public Pipeline(PipelineSettings settings, LocalPostgres postgres) {
        this.settings = settings;
        this.postgres = postgres;
    }

    /** Starts everything and waits until every service reports ready; if that fails, stops what it started. */
    public Pipeline start() {
        return start(Services.START_ORDER);
    }

    /**
     * Starts the broker, the databases and the stand-ins, then only the given services (in that order) and waits
     * until they report ready; the others can be started later with {@link #startService(String)}. A replay
     * benchmark, for one, fills a topic before the notifier runs and keeps the poller and classifier out.
     */
    public Pipeline start(List<String> servicesToStart) {
        try {
            Files.createDirectories(settings.workDir().resolve("logs"));
            broker = new KafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.workDir().resolve("kafka/data"), logFile("kafka")).start();
            broker.createTopics(TopicSpec.pipeline());
            for (String db : List.of(settings.pollerDatabase(), settings.notifierDatabase())) {
                if (settings.freshDatabases()) {
                    postgres.recreateDatabase(db);
                } else {
                    postgres.ensureDatabase(db);
                }
            }
            feeds = new DemoFeedServer(Timeline.bundled(), "127.0.0.1", settings.feedServerPort(),
                    settings.timelineSpeed()).start();
            slack = new SlackCapture("127.0.0.1", settings.slackPort()).start();
            mail = new MailCatcher(settings.smtpPort(), settings.mailWebPort()).start();
            writeFeedsFile();
            for (String service : servicesToStart) {
                startService(service);
            }
            for (String service : servicesToStart) {
                awaitReady(service, Duration.ofSeconds(90));
            }
            return this;
        } catch (IOException | RuntimeException e) {
            // nobody will close a pipeline whose start failed: stop what did start (a broker left running kept the
            // calling JVM alive after its main method had thrown)
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public ChildProcess startService(String service) {
        ChildProcess process = services.computeIfAbsent(service, s -> javaProcess(s, environment(s)));
        return process.start();
    }

    /**
     * Starts replica {@code index} (1, 2, …) of a service beside the one {@link #start()} runs, on a port of its own
     * and, for the poller, under its own lease-owner name; waits until it is ready. Returns its instance name, which
     * {@link #kill9(String)}, {@link #restart(String)} and {@link #instanceUrl(String)} accept.
     */
    public String startReplica(String service, int index) {
        String instance = service + "-" + index;
        int port = replicaPorts.computeIfAbsent(instance, i -> Ports.free());
        Map<String, String> env = environment(service);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        if (service.equals(Services.POLLER)) {
            env.put("PACTWATCH_POLLER_INSTANCE_ID", instance);
        }
        services.computeIfAbsent(instance, i -> javaProcess(i, env)).start();
        awaitReady(instance, Duration.ofSeconds(90));
        return instance;
    }

    /**
     * JVM options of the service processes: small heaps and the C1 compiler only (fast start-up for tests), unless the
     * system property {@value #JVM_OPTIONS_PROPERTY} gives others (space-separated), as the benchmarks do to run the
     * services with the full JIT like a deployment.
     */
    public static final String JVM_OPTIONS_PROPERTY = "pactwatch.service.jvm-options";

    private static List<String> serviceJvmOptions() {
        String configured = System.getProperty(JVM_OPTIONS_PROPERTY);
        return configured == null || configured.isBlank()
                ? List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                : List.of(configured.trim().split("\\s+"));
    }

    private ChildProcess javaProcess(String instance, Map<String, String> env) {
        String service = instance.replaceFirst("-\\d+$", "");
        return ChildProcess.java(instance, serviceJvmOptions(),
                Services.runnableJar(service).toString(), null, List.of(), env, logFile(instance));
    }

    public void kill9(String service) {
        services.get(service).kill9();
    }

    public void restart(String service) {
        startService(service);
        awaitReady(service, Duration.ofSeconds(90));
    }

    /** Restarts a stopped or killed service with some environment changed (e.g. a fault switched off). */
    public void restart(String service, Map<String, String> envChanges) {
        ChildProcess old = services.remove(service);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(service + " is still running");
        }
        settings.extraEnv().computeIfAbsent(service, s -> new HashMap<>()).putAll(envChanges);
        restart(service);
    }

    public void awaitReady(String service, Duration timeout) {
        ChildProcess process = services.get(service);
        String url = instanceUrl(service) + "/q/health/ready";
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Response last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited during start; log: " + process.logFile());
            }
            last = Http.get(url, null);
            if (last.status() == 200 && last.body().contains("UP")) {
                return;
            }
            Ports.sleep(300);
        }
        throw new IllegalStateException(service + " not ready after " + timeout + " (" + last + "); log: "
                + process.logFile());
    }

    /** URL of a service (its first instance) or of a replica started with {@link #startReplica}. */
    public String instanceUrl(String instance) {
        Integer replicaPort = replicaPorts.get(instance);
        return replicaPort != null ? "http://127.0.0.1:" + replicaPort : serviceUrl(instance);
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + settings.portOf(service);
    }

    private Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(settings.portOf(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("PACTWATCH_ADMIN_TOKEN", settings.adminToken());
        String database = switch (service) {
            case Services.POLLER -> settings.pollerDatabase();
            case Services.NOTIFIER -> settings.notifierDatabase();
            default -> null;
        };
        if (database != null) {
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        if (service.equals(Services.POLLER)) {
            env.put("PACTWATCH_POLLER_FEEDS_FILE", feedsFile().toString());
            env.put("PACTWATCH_POLLER_SSRF_ALLOWLIST", "127.0.0.1/32");
            env.put("PACTWATCH_POLLER_MIN_INTERVAL_SECONDS", "1");
        }
        if (service.equals(Services.NOTIFIER)) {
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(settings.smtpPort()));
            env.put("QUARKUS_MAILER_FROM", "pactwatch@localhost");
            env.put("QUARKUS_MAILER_MOCK", "false");
            env.put("PACTWATCH_NOTIFIER_PUBLIC_URL", serviceUrl(Services.NOTIFIER));
            env.put("PACTWATCH_NOTIFIER_SLACK_ALLOWED_HOSTS", slack.hostAndPort());
            env.put("PACTWATCH_NOTIFIER_CONSOLE_ENABLED", "true");
            env.put("PACTWATCH_DASHBOARD_POLLER_URL", serviceUrl(Services.POLLER));
        }
        env.putAll(settings.extraEnv().getOrDefault(service, Map.of()));
        return env;
    }

    private void writeFeedsFile() throws IOException {
        List<Map<String, Object>> declared = feeds.timeline().feeds().stream().map(f -> {
            Map<String, Object> feed = new LinkedHashMap<>();
            feed.put("name", f.title());
            feed.put("url", feeds.feedUrl(f.id()));
            feed.put("intervalSeconds", settings.pollIntervalSeconds());
            feed.put("enabled", true);
            feed.put("tags", List.of("demo"));
            feed.put("fullText", false);
            return feed;
        }).toList();
        Files.writeString(feedsFile(), Json.write(declared));
    }

    private Path feedsFile() {
        return settings.workDir().resolve("demo-feeds.json");
    }

    private Path logFile(String component) {
        return settings.workDir().resolve("logs").resolve(component + ".log");
    }

    public PipelineSettings settings() {
        return settings;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public DemoFeedServer feeds() {
        return feeds;
    }

    public SlackCapture slack() {
        return slack;
    }

    public MailCatcher mail() {
        return mail;
    }

    public ChildProcess service(String name) {
        return services.get(name);
    }

    @Override
    public void close() {
        List<String> reverse = new java.util.ArrayList<>(services.keySet());
        java.util.Collections.reverse(reverse);
        reverse.forEach(s -> services.get(s).stop());
        for (AutoCloseable c : new AutoCloseable[] {feeds, slack, mail}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing a local test server cannot fail in a way that matters here
            }
        }
        if (broker != null) {
            broker.stop();
        }
        if (settings.databasesOwnedByThisJvm()) {
            // A test run's data is thrown away like its databases; the logs under workDir/logs stay for reading.
            if (broker != null) {
                broker.deleteData();
            }
            for (String db : List.of(settings.pollerDatabase(), settings.notifierDatabase())) {
                try {
                    postgres.dropDatabase(db);
                } catch (RuntimeException e) {
                    System.err.println("[pipeline] could not drop test database " + db + ": " + e.getMessage());
                }
            }
        }
    }
}

package io.pactwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A real single-node KRaft Kafka broker in a child JVM, started from the Apache Kafka jars that Maven resolved.
 * Used by the local stack and by integration tests when no Docker engine is there; it can be killed with SIGKILL
 * and restarted on the same data for fault tests.
 */
public final class KafkaBroker {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path logFile;
    private ChildProcess process;

    public KafkaBroker(int port, int controllerPort, Path dataDir, Path logFile) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /** A broker on free ports with its data in a fresh temporary directory. */
    public static KafkaBroker onFreePorts() {
        try {
            Path dir = Files.createTempDirectory("pactwatch-kafka-");
            return new KafkaBroker(Ports.free(), Ports.free(), dir.resolve("data"), dir.resolve("broker.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Formats the data directory once, starts the broker and waits until it answers metadata requests. */
    public synchronized KafkaBroker start() {
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            Path libs = RepoPaths.kafkaLibs();
            String classpath = libs.toAbsolutePath() + "/*";
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(classpath, config);
            }
            process = ChildProcess.java("kafka", List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + writeLog4jConfig().toUri()), classpath, "kafka.Kafka",
                    List.of(config.toString()), Map.of(), logFile).start();
            Ports.awaitListening("Kafka broker (log: " + logFile + ")", "127.0.0.1", port, Duration.ofSeconds(60),
                    process.handle());
            awaitReady(Duration.ofSeconds(60));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the broker dies without flushing or deregistering, as in a crash. */
    public synchronized void kill9() {
        if (process != null) {
            process.kill9();
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** Deletes the stopped broker's log segments; its broker.log and configuration stay for reading. */
    public synchronized void deleteData() {
        if (isAlive()) {
            throw new IllegalStateException("the broker on port " + port + " is running: stop it before deleting its data");
        }
        Directories.delete(dataDir);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(List<TopicSpec> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).map(t -> {
                NewTopic topic = new NewTopic(t.name(), t.partitions(), (short) 1);
                return t.compacted() ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT)) : topic;
            }).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Ports.sleep(300);
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " not ready; log: " + logFile, last);
    }

    private void format(String classpath, Path config) throws IOException {
        ChildProcess format = ChildProcess.java("kafka-storage-format", List.of("-Xmx256m"), classpath,
                "kafka.tools.StorageTool", List.of("format", "-t", clusterId(), "-c", config.toString(),
                        "--ignore-formatted"), Map.of(), logFile).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (format.isAlive() && System.nanoTime() < deadline) {
            Ports.sleep(100);
        }
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed; see " + logFile);
        }
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (what StorageTool random-uuid prints),
     * never starting with '-' (the storage tool would read it as an option).
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private Path writeConfig() throws IOException {
        Path config = dataDir.resolveSibling("server.properties");
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.cleaner.min.compaction.lag.ms=0",
                "") ;
        Files.writeString(config, text);
        return config;
    }

    private Path writeLog4jConfig() throws IOException {
        Path config = dataDir.resolveSibling("log4j2.properties");
        Files.writeString(config, String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.apache.name=org.apache.kafka",
                "logger.apache.level=WARN",
                ""));
        return config;
    }
}

package io.pactwatch.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything that differs between the local run ({@link #localRun()}, fixed well-known ports, data kept in
 * {@code .pactwatch/}) and a test run ({@link #isolated(Path)}, free ports, fresh databases, fast timeline).
 */
public record PipelineSettings(
        Path workDir,
        int kafkaPort,
        int kafkaControllerPort,
        int pollerPort,
        int classifierPort,
        int notifierPort,
        int feedServerPort,
        int slackPort,
        int smtpPort,
        int mailWebPort,
        String pollerDatabase,
        String notifierDatabase,
        boolean freshDatabases,
        double timelineSpeed,
        int pollIntervalSeconds,
        String adminToken,
        Map<String, Map<String, String>> extraEnv) {

    /** The local run; {@code fresh} wipes the broker's data and re-creates the databases so the demo replays. */
    public static PipelineSettings localRun(boolean fresh) {
        Path work = RepoPaths.workDir();
        return new PipelineSettings(work, env("PACTWATCH_KAFKA_PORT", 9092), env("PACTWATCH_KAFKA_CONTROLLER_PORT", 9093),
                8081, 8082, 8083, env("PACTWATCH_DEMO_FEEDS_PORT", 8090), env("PACTWATCH_SLACK_CAPTURE_PORT", 8091),
                env("PACTWATCH_SMTP_PORT", 3025), env("PACTWATCH_MAIL_WEB_PORT", 8025),
                "pactwatch_poller", "pactwatch_notifier", fresh,
                Double.parseDouble(System.getenv().getOrDefault("PACTWATCH_DEMO_SPEED", "1")), 2,
                AdminToken.loadOrCreate(work), new HashMap<>());
    }

    public static PipelineSettings isolated(Path workDir) {
        // Databases named per test JVM: two test runs on one machine never drop each other's.
        long pid = ProcessHandle.current().pid();
        return new PipelineSettings(workDir, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), "pactwatch_e2e_poller_" + pid, "pactwatch_e2e_notifier_" + pid,
                true, 1.0, 1, "e2e-admin-token", new HashMap<>());
    }

    /** A test run's databases are named for its JVM ({@link #isolated}); the pipeline drops them when it closes. */
    public boolean databasesOwnedByThisJvm() {
        String suffix = "_" + ProcessHandle.current().pid();
        return freshDatabases() && pollerDatabase().endsWith(suffix) && notifierDatabase().endsWith(suffix);
    }

    /**
     * The same settings with databases of their own ({@code <name>_<suffix>}): a benchmark beside other pipelines
     * on the machine's shared PostgreSQL must not drop theirs.
     */
    public PipelineSettings withDatabaseSuffix(String suffix) {
        return new PipelineSettings(workDir, kafkaPort, kafkaControllerPort, pollerPort, classifierPort, notifierPort,
                feedServerPort, slackPort, smtpPort, mailWebPort, pollerDatabase + "_" + suffix,
                notifierDatabase + "_" + suffix, freshDatabases, timelineSpeed, pollIntervalSeconds, adminToken, extraEnv);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public int portOf(String service) {
        return switch (service) {
            case Services.POLLER -> pollerPort;
            case Services.CLASSIFIER -> classifierPort;
            case Services.NOTIFIER -> notifierPort;
            default -> throw new IllegalArgumentException("unknown service " + service);
        };
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

package io.pactwatch.reliability;

import io.pactwatch.local.LocalPostgres;
import io.pactwatch.local.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, a free port, trust authentication), so
 * a fault test can stop and start a database server without touching the machine's shared one that other tests use.
 * Run as the {@code postgres} OS user through runuser when the test runs as root (PostgreSQL refuses to run as root).
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final int port;

    private PrivatePostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** Creates the cluster and starts it; the role pactwatch/pactwatch may create databases. */
    static PrivatePostgres create() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("pactwatch-private-pg-");
        int port = Ports.free();
        PrivatePostgres pg = new PrivatePostgres(dir, bin, port);
        if (isRoot()) {
            pg.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            pg.run(List.of("chmod", "700", dir.toString()), false);
        }
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-instructions"), true);
        pg.start();
        // a test JVM killed before its @AfterAll must not leave a server running
        Runtime.getRuntime().addShutdownHook(new Thread(pg::stopQuietly, "stop-private-postgres"));
        pg.run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
                "CREATE ROLE pactwatch LOGIN PASSWORD 'pactwatch' CREATEDB"), true);
        return pg;
    }

    LocalPostgres client() {
        return new LocalPostgres("127.0.0.1", port, "pactwatch", "pactwatch");
    }

    int port() {
        return port;
    }

    void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
    }

    /** {@code pg_ctl stop -m fast}: open sessions are disconnected, as in a database restart or failover. */
    void stopFast() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"),
                true);
    }

    private void stopQuietly() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop"), true);
            }
        } catch (Exception e) {
            System.err.println("could not stop the private PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (client().isListening()) {
                stopFast();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres && isRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Path log = dir.resolve("commands.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", cmd) + "\n" + Files.readString(log));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries in /usr/lib/postgresql"));
        }
    }
}

package io.pactwatch.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository checkout, so the harness finds the broker jars and service builds from any module. */
public final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root: system property {@code pactwatch.repo.root}, else the first parent holding deploy/local. */
    public static Path root() {
        String configured = System.getProperty("pactwatch.repo.root", System.getenv("PACTWATCH_REPO_ROOT"));
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "local"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the pactwatch checkout (no deploy/local/pom.xml above "
                + Path.of("").toAbsolutePath() + "); set PACTWATCH_REPO_ROOT");
    }

    /** The Apache Kafka broker jars copied by the deploy/local/kafka-dist module. */
    public static Path kafkaLibs() {
        Path libs = root().resolve("deploy/local/kafka-dist/target/kafka-libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka broker jars missing at " + libs
                    + ": run ./mvnw -pl deploy/local/kafka-dist generate-resources (any full build does it)");
        }
        return libs;
    }

    /** Where the local stack keeps its data and logs (wipe it to start afresh). */
    public static Path workDir() {
        String configured = System.getenv("PACTWATCH_HOME");
        return configured != null ? Path.of(configured) : root().resolve(".pactwatch");
    }
}

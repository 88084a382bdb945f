package io.pactwatch.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The three service names and where their Quarkus builds live. */
public final class Services {

    public static final String POLLER = "feed-poller";
    public static final String CLASSIFIER = "classifier";
    public static final String NOTIFIER = "notifier";
    /** Start order: consumers first, so nothing the poller publishes waits for a consumer group to form. */
    public static final List<String> START_ORDER = List.of(NOTIFIER, CLASSIFIER, POLLER);

    private Services() {
    }

    public static Path runnableJar(String service) {
        Path jar = RepoPaths.root().resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service + " is not built (" + jar + " missing): run ./mvnw package -DskipTests");
        }
        return jar;
    }
}

package io.pactwatch.deploy;

import io.pactwatch.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the code says about each service that the deployment must agree with: its HTTP port (from its
 * application.properties, Quarkus's 8080 if unset), the topic its consumer group reads, its database and image name.
 */
record ServiceFacts(String name, Optional<String> consumedTopic, Optional<String> consumerGroup,
                    Optional<String> database, boolean adminToken) {

    static final List<ServiceFacts> ALL = List.of(
            new ServiceFacts("feed-poller", Optional.empty(), Optional.empty(), Optional.of("pactwatch_poller"), true),
            new ServiceFacts("classifier", Optional.of(Topics.ARTICLES_RAW), Optional.of("pactwatch-classifier"),
                    Optional.empty(), false),
            new ServiceFacts("notifier", Optional.of(Topics.ARTICLES_CLASSIFIED),
                    Optional.of("pactwatch-notifier"), Optional.of("pactwatch_notifier"), true));

    static ServiceFacts of(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
    }

    Path directory() {
        return Repo.path("services/" + name);
    }

    Path applicationProperties() {
        return directory().resolve("src/main/resources/application.properties");
    }

    Path dockerfile() {
        return directory().resolve("src/main/docker/Dockerfile.jvm");
    }

    /** The image repository the manifests, compose and the Dockerfile's build comment use. */
    String image() {
        return "pactwatch/" + name;
    }

    Properties properties() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(applicationProperties())) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    int httpPort() {
        return Integer.parseInt(properties().getProperty("quarkus.http.port", "8080").trim());
    }
}

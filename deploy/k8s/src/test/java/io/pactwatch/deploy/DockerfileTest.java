package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's Dockerfile.jvm follows the Quarkus fast-jar layout on the UBI OpenJDK 17 runtime, exposes the
 * service's real port and runs as the non-root user the manifests' securityContext names; where the service has
 * been built, the files it copies exist.
 */
class DockerfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"feed-poller", "classifier", "notifier"})
    void quarkusJvmLayout(String name) {
        ServiceFacts facts = ServiceFacts.of(name);
        List<String> lines = Dockerfiles.instructions(facts);
        assertTrue(Dockerfiles.last(facts, "FROM").startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:"));
        for (String dir : List.of("lib/ /deployments/lib/", "*.jar /deployments/", "app/ /deployments/app/",
                "quarkus/ /deployments/quarkus/")) {
            assertTrue(lines.contains("COPY --chown=185 target/quarkus-app/" + dir), name + " copies " + dir);
        }
        assertEquals(String.valueOf(facts.httpPort()), Dockerfiles.last(facts, "EXPOSE"), name + " EXPOSE");
        assertEquals("185", Dockerfiles.user(facts));
        assertTrue(lines.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""));
        assertEquals("[ \"/opt/jboss/container/java/run/run-java.sh\" ]", Dockerfiles.last(facts, "ENTRYPOINT"));
        String buildHint = String.join("\n", readAll(facts.dockerfile()));
        assertTrue(buildHint.contains("-t " + facts.image() + ":"), name + ": the documented build tags " + facts.image());
    }

    @ParameterizedTest
    @ValueSource(strings = {"feed-poller", "classifier", "notifier"})
    void builtApplicationHasWhatTheImageCopies(String name) {
        Path app = ServiceFacts.of(name).directory().resolve("target/quarkus-app");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(app),
                "SKIPPED: " + name + " is not built (./mvnw package -DskipTests)");
        for (String part : List.of("lib", "app", "quarkus")) {
            assertTrue(Files.isDirectory(app.resolve(part)), app + "/" + part);
        }
        assertTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")), app + "/quarkus-run.jar");
    }

    private static List<String> readAll(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

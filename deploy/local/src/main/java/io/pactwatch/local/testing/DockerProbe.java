package io.pactwatch.local.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Tells whether a Docker engine answers, so tests leave Kafka and PostgreSQL to Quarkus Dev Services there.
 * Set {@code PACTWATCH_NO_DOCKER=true} to use the local broker and PostgreSQL even where Docker runs.
 */
final class DockerProbe {

    private static Boolean available;

    private DockerProbe() {
    }

    static synchronized boolean available() {
        if (available == null) {
            available = !"true".equalsIgnoreCase(System.getenv("PACTWATCH_NO_DOCKER")) && probe();
        }
        return available;
    }

    private static boolean probe() {
        boolean socket = Files.exists(Path.of("/var/run/docker.sock")) || System.getenv("DOCKER_HOST") != null;
        if (!socket) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("docker", "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}

package io.pactwatch.classifier.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trackers are reloaded from the directory without a restart; a broken edit keeps the last good trackers. */
class TrackerRegistryTest {

    @TempDir
    Path dir;

    private static String tracker(String id, String phrase) {
        return "id: " + id + "\nsubject: {code: UA}\nagreement: {phrases: [\"" + phrase + "\"]}\n";
    }

    @Test
    void reloadsChangedDefinitionsAndRejectsBrokenOnes() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), tracker("first", "security pact"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TrackerRegistry registry = new TrackerRegistry(config(dir), meters);
        String v1 = registry.classifier().version();
        assertEquals("first", registry.classifier().trackers().get(0).tracker().id());
        assertFalse(registry.reload(), "nothing changed");

        Files.writeString(dir.resolve("b.yml"), tracker("second", "trade deal"));
        assertTrue(registry.reload());
        assertEquals(2, registry.classifier().trackers().size());
        assertNotEquals(v1, registry.classifier().version());

        Files.writeString(dir.resolve("b.yml"), "id: second\nsubject: {code: QQ}\n");
        assertFalse(registry.reload());
        assertEquals(2, registry.classifier().trackers().size(), "last good trackers stay in service");
        assertTrue(registry.lastError().orElseThrow().contains("b.yml"));
        assertEquals(1.0, meters.counter("pactwatch.classifier.tracker.reloads", "result", "rejected").count());
    }

    private static ClassifierConfig config(Path dir) {
        return new ClassifierConfig() {
            @Override
            public Optional<Path> trackersDir() {
                return Optional.of(dir);
            }

            @Override
            public Duration reloadInterval() {
                return Duration.ZERO;
            }
        };
    }
}

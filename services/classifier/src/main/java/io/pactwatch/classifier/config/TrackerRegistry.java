package io.pactwatch.classifier.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.pactwatch.classifier.domain.Classifier;
import io.pactwatch.classifier.domain.ClassifierFactory;
import io.pactwatch.classifier.domain.TrackerValidationException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Holds the classifier built from the current tracker definitions and swaps it atomically when the trackers
 * directory changes. A broken edit is logged and counted, and the last good trackers stay in service.
 */
@ApplicationScoped
public class TrackerRegistry {

    private static final Logger LOG = Logger.getLogger(TrackerRegistry.class);

    private final ClassifierConfig config;
    private final MeterRegistry meters;
    private final AtomicReference<Classifier> current = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> sources = new AtomicReference<>(Map.of());
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private ScheduledExecutorService reloader;

    public TrackerRegistry(ClassifierConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        classifier();
        Optional<Path> dir = config.trackersDir();
        if (dir.isPresent() && !config.reloadInterval().isZero()) {
            long millis = config.reloadInterval().toMillis();
            reloader = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tracker-reloader");
                t.setDaemon(true);
                return t;
            });
            reloader.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    /** The classifier in service; loaded on first use (a broken definition at start fails the start). */
    public Classifier classifier() {
        Classifier c = current.get();
        if (c == null) {
            synchronized (this) {
                if (current.get() == null) {
                    load();
                }
                c = current.get();
            }
        }
        return c;
    }

    /** The problem of the last rejected reload, if the current definitions on disk are broken. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Re-reads the directory; returns true when new definitions were taken into service. */
    public synchronized boolean reload() {
        if (config.trackersDir().isEmpty()) {
            return false;
        }
        Map<String, String> read = readDirectory(config.trackersDir().get());
        if (read.equals(sources.get())) {
            return false;
        }
        try {
            Classifier c = ClassifierFactory.fromSources(read);
            current.set(c);
            sources.set(read);
            lastError.set(null);
            meters.counter("pactwatch.classifier.tracker.reloads", "result", "applied").increment();
            LOG.infof("trackers reloaded: %s (version %s)", read.keySet(), c.version());
            return true;
        } catch (TrackerValidationException e) {
            sources.set(read);
            lastError.set(e.getMessage());
            meters.counter("pactwatch.classifier.tracker.reloads", "result", "rejected").increment();
            LOG.errorf("tracker reload rejected, keeping the previous trackers: %s", e.getMessage());
            return false;
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.errorf(e, "tracker reload failed");
        }
    }

    private void load() {
        if (config.trackersDir().isPresent()) {
            Map<String, String> read = readDirectory(config.trackersDir().get());
            current.set(ClassifierFactory.fromSources(read));
            sources.set(read);
        } else {
            current.set(ClassifierFactory.bundled());
        }
        LOG.infof("classifier %s with trackers %s", current.get().version(),
                current.get().trackers().stream().map(t -> t.tracker().id()).toList());
    }

    static Map<String, String> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TrackerValidationException(dir.toString(), java.util.List.of("trackers directory does not exist"));
        }
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    out.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

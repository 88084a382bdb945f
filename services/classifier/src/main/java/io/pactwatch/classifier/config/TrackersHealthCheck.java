package io.pactwatch.classifier.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness shows the trackers in service and, when the last edit of the trackers directory was rejected, why; the
 * service stays ready because the last good trackers keep classifying.
 */
@Readiness
@ApplicationScoped
public class TrackersHealthCheck implements HealthCheck {

    private final TrackerRegistry registry;

    public TrackersHealthCheck(TrackerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        var classifier = registry.classifier();
        var builder = HealthCheckResponse.named("trackers").up()
                .withData("classifierVersion", classifier.version())
                .withData("trackers", String.join(",", classifier.trackers().stream().map(t -> t.tracker().id()).toList()));
        registry.lastError().ifPresent(e -> builder.withData("rejectedReload", e));
        return builder.build();
    }
}

package io.pactwatch.local.testing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * On a machine without a Docker engine, switches Quarkus Dev Services for Kafka and the datasource off (they would
 * fail the build), so tests run against what {@link RealInfrastructure} provides. Its ordinal is below
 * application.properties, so a service's own setting still wins; where Docker answers it says nothing.
 * Registered through META-INF/services, so it is seen at build time too. Only on the services' test classpath.
 */
public class NoDockerConfigSource implements ConfigSource {

    private static final Map<String, String> NO_DEV_SERVICES = Map.of(
            "quarkus.datasource.devservices.enabled", "false",
            "quarkus.kafka.devservices.enabled", "false");

    private Map<String, String> properties() {
        return DockerProbe.available() ? Map.of() : NO_DEV_SERVICES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties().get(propertyName);
    }

    @Override
    public String getName() {
        return "pactwatch-no-docker";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}

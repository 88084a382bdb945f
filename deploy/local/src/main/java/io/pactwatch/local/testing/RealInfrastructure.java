package io.pactwatch.local.testing;

import io.pactwatch.local.KafkaBroker;
import io.pactwatch.local.LocalPostgres;
import io.pactwatch.local.TopicSpec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database, in this order of preference:
 * <ol>
 * <li>the environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code QUARKUS_DATASOURCE_REACTIVE_URL}): used as is;</li>
 * <li>a Docker engine: nothing is set, so Quarkus Dev Services start containers;</li>
 * <li>otherwise a KRaft broker in a child JVM (one per test JVM, see {@link SharedBroker}) and a fresh database on
 * the machine's PostgreSQL.</li>
 * </ol>
 * Init args: {@code database} (base name of the test database, suffixed with the test JVM's pid and dropped at
 * the end; omit for services without one).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;
    private boolean created;

    @Override
    public void init(Map<String, String> initArgs) {
        // One database per test JVM: two test runs on one machine (a developer and CI) never drop each other's.
        String base = initArgs.get("database");
        database = base == null ? null : base + "_" + ProcessHandle.current().pid();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        boolean docker = DockerProbe.available();
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null && !docker) {
            KafkaBroker broker = SharedBroker.get();
            broker.createTopics(TopicSpec.pipeline());
            config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        }
        if (database != null && System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") == null && !docker) {
            LocalPostgres postgres = LocalPostgres.fromEnvironment();
            postgres.recreateDatabase(database);
            created = true;
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", postgres.user());
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    @Override
    public void stop() {
        if (created) {
            LocalPostgres.fromEnvironment().dropDatabase(database);
            created = false;
        }
        // The shared broker lives until the test JVM exits (a shutdown hook stops it): Quarkus restarts the
        // application between test classes with different profiles, and a new broker each time would cost 10 s.
    }
}

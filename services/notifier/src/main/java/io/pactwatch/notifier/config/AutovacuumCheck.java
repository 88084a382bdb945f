package io.pactwatch.notifier.config;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Warns at start when PostgreSQL runs without autovacuum. The event store's tables are then never analyzed nor
 * vacuumed: the planner has no statistics for a batch's lookups (it scanned whole tables of sources), and relayed
 * outbox rows stay in the index of pending ones; both get slower as the store grows. Nothing else changes.
 */
@ApplicationScoped
public class AutovacuumCheck {

    private static final Logger LOG = Logger.getLogger(AutovacuumCheck.class);

    private final Pool pool;

    public AutovacuumCheck(Pool pool) {
        this.pool = pool;
    }

    void check(@Observes StartupEvent start) {
        pool.query("SHOW autovacuum").execute()
                .map(rows -> rows.iterator().next().getString(0))
                .subscribe().with(setting -> {
                    String warning = warning(setting);
                    if (warning != null) {
                        LOG.warn(warning);
                    }
                }, e -> LOG.debugf("could not read PostgreSQL's autovacuum setting: %s", e.toString()));
    }

    /** The warning for a server's {@code autovacuum} setting, or null when there is nothing to warn about. */
    static String warning(String autovacuum) {
        if (!"off".equalsIgnoreCase(autovacuum)) {
            return null;
        }
        return "PostgreSQL runs with autovacuum off: the event store's tables are never analyzed nor vacuumed, so"
                + " its queries get slower as it grows. Turn autovacuum on (PostgreSQL's default), or run"
                + " VACUUM ANALYZE on the notifier's database regularly (see docs/operations.md).";
    }
}

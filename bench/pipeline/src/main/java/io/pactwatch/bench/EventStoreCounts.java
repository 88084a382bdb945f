package io.pactwatch.bench;

import io.pactwatch.local.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of the notifier's event store after a run, read over JDBC, to show what a replay built. */
final class EventStoreCounts {

    private static final List<String> TABLES = List.of("article", "agreement_event", "event_source", "event_outbox",
            "delivery");

    private EventStoreCounts() {
    }

    /** Rows per table, in a fixed order; the sum is the event store's size in rows. */
    static Map<String, Long> of(LocalPostgres postgres, String database) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    rows.put(table, r.getLong(1));
                }
            }
        }
        return rows;
    }

    /**
     * How the store is shaped: the most and the median reports (sources) per event, outbox rows not yet relayed to
     * {@code pactwatch.agreement-events}, and the largest outbox payload (an event's view carries all its sources).
     */
    static String shape(LocalPostgres postgres, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT max(corroboration) FROM agreement_event),"
                        + " (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY corroboration) FROM agreement_event),"
                        + " (SELECT count(*) FROM event_outbox WHERE published_at IS NULL),"
                        + " (SELECT max(octet_length(payload)) FROM event_outbox),"
                        + " pg_size_pretty(pg_total_relation_size('event_outbox'))")) {
            r.next();
            return String.format("reports per event: max %,d, median %,d; outbox: %,d rows not relayed, largest payload"
                    + " %,d bytes, table %s", r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getString(5));
        }
    }

    /** Outbox rows and the bytes of their payloads (each an event's whole view), to see what event versions cost. */
    static long[] outbox(LocalPostgres postgres, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(octet_length(payload)), 0) FROM event_outbox")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }
}

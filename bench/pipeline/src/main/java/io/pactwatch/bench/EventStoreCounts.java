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
}

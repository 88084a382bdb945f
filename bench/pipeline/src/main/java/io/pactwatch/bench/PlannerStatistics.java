package io.pactwatch.bench;

import io.pactwatch.local.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The planner statistics a production PostgreSQL would have. This machine's server runs with {@code autovacuum = off}
 * (its CI configuration), so the event store's tables are never analyzed and every query is planned without
 * statistics: the notifier's lookups of a batch's sources scanned whole tables. A server with autovacuum analyzes a
 * table once a tenth of it changed; a benchmark run analyzes the event store after its warm-up instead.
 */
final class PlannerStatistics {

    private PlannerStatistics() {
    }

    /** The server's {@code autovacuum} setting, e.g. {@code off}. */
    static String autovacuum(LocalPostgres postgres, String database) throws SQLException {
        try (Connection c = connect(postgres, database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW autovacuum")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Analyzes every table of the database when the server does not do it by itself. */
    static void analyzeUnlessAutovacuum(LocalPostgres postgres, String database) throws SQLException {
        if ("on".equals(autovacuum(postgres, database))) {
            return;
        }
        try (Connection c = connect(postgres, database); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    private static Connection connect(LocalPostgres postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }
}

package io.pactwatch.reliability;

import io.pactwatch.local.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the notifier's tables directly with JDBC, as an auditor would: which known articles were stored, which events
 * exist (and how many rows each), and the state of deliveries. Never writes.
 */
final class NotifierDb {

    /** One stored event row. */
    record EventRow(String id, String key, int corroboration) {
    }

    private final LocalPostgres postgres;
    private final String database;

    NotifierDb(LocalPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Stored article rows whose URL starts with the prefix, by URL (more than one row per URL is a duplicate). */
    Map<String, Integer> storedArticles(String urlPrefix) {
        Map<String, Integer> rows = new HashMap<>();
        query("SELECT url, count(*) FROM article WHERE url LIKE ? GROUP BY url", List.of(urlPrefix + "%"),
                rs -> rows.put(rs.getString(1), rs.getInt(2)));
        return rows;
    }

    /** Every event of the given counterparts. */
    List<EventRow> events(List<String> counterparts) {
        List<EventRow> events = new ArrayList<>();
        query("SELECT id, type, counterpart, round, corroboration FROM agreement_event WHERE counterpart = ANY (?)",
                List.<Object>of((Object) counterparts.toArray(String[]::new)), rs -> events.add(new EventRow(rs.getString(1),
                        KnownArticles.key(rs.getString(2), rs.getString(3), (Integer) rs.getObject(4)), rs.getInt(5))));
        return events;
    }

    /** Delivery rows of a subscription by status. */
    Map<String, Integer> deliveries(long subscriptionId) {
        Map<String, Integer> byStatus = new HashMap<>();
        query("SELECT status, count(*) FROM delivery WHERE subscription_id = ? GROUP BY status", List.of(subscriptionId),
                rs -> byStatus.put(rs.getString(1), rs.getInt(2)));
        return byStatus;
    }

    /** Attempts summed over a subscription's deliveries. */
    int attempts(long subscriptionId) {
        int[] sum = {0};
        query("SELECT coalesce(sum(attempts), 0) FROM delivery WHERE subscription_id = ?", List.of(subscriptionId),
                rs -> sum[0] = rs.getInt(1));
        return sum[0];
    }

    /**
     * Deliveries of a subscription that were claimed more than once without an error recorded in between: claimed by a
     * notifier that died before recording the outcome, and claimed again after the claim deadline.
     */
    int resentAfterCrash(long subscriptionId) {
        int[] n = {0};
        query("SELECT count(*) FROM delivery WHERE subscription_id = ? AND attempts > 1 AND last_error IS NULL",
                List.of(subscriptionId), rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, RowReader reader) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + database + " failed: " + sql, e);
        }
    }
}

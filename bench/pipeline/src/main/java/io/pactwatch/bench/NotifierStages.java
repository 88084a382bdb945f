package io.pactwatch.bench;

import io.pactwatch.local.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where a probe's classified → Slack time goes inside the notifier, from the times its event store keeps: the
 * article's {@code stored_at} (its batch transaction began), the delivery's {@code created_at} (planned, at the end of
 * that transaction), its claim ({@code claimed_until} minus the claim timeout) and {@code sent_at} (the Slack call
 * returned). Printed as percentiles per stage and the breakdown of the slowest probes.
 */
final class NotifierStages {

    private static final String[] NAMES = {"classified -> stored", "stored -> planned", "planned -> claimed",
        "claimed -> sent", "sent -> received"};

    private NotifierStages() {
    }

    static void print(LocalPostgres postgres, String database, Duration claimTimeout, Map<String, Instant> classified,
            Map<String, Instant> received) throws SQLException {
        List<long[]> rows = rows(postgres, database, claimTimeout, classified, received);
        if (rows.isEmpty()) {
            return;
        }
        System.out.printf("inside the notifier (from the event store's times, %d probes):%n", rows.size());
        for (int i = 0; i < NAMES.length; i++) {
            int stage = i;
            long[] sorted = rows.stream().mapToLong(s -> s[stage]).sorted().toArray();
            System.out.printf("  %-22s: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", NAMES[i], pct(sorted, 50),
                    pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1]);
        }
        System.out.printf("  slowest (stages in that order, ms, then the probe's number): %s%n", rows.stream()
                .sorted((a, b) -> Long.compare(total(b), total(a))).limit(8).map(Arrays::toString).toList());
    }

    /** Each probe's stages, in probe order: where the first alerts after a start spend their time. */
    static void printEach(LocalPostgres postgres, String database, Duration claimTimeout, Map<String, Instant> classified,
            Map<String, Instant> received, String what) throws SQLException {
        List<long[]> rows = rows(postgres, database, claimTimeout, classified, received);
        rows.sort((a, b) -> Long.compare(a[NAMES.length], b[NAMES.length]));
        System.out.printf("%s inside the notifier (%s, ms, then the probe's number): %s%n", what, String.join(", ", NAMES),
                rows.stream().map(Arrays::toString).toList());
    }

    private static List<long[]> rows(LocalPostgres postgres, String database, Duration claimTimeout,
            Map<String, Instant> classified, Map<String, Instant> received) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
                PreparedStatement ps = c.prepareStatement("""
                        SELECT a.article_id, a.stored_at, d.created_at, d.claimed_until, d.sent_at
                        FROM article a JOIN event_source s ON s.article_id = a.article_id
                        JOIN delivery d ON d.event_id = s.event_id JOIN subscription sub ON sub.id = d.subscription_id
                        WHERE a.article_id LIKE 'probe-%' AND sub.channel = 'slack' AND d.sent_at IS NOT NULL""");
                ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                String id = r.getString(1);
                Instant cls = classified.get(id);
                Instant got = received.get(id);
                if (cls == null || got == null) {
                    continue;
                }
                Instant[] t = {cls, r.getTimestamp(2).toInstant(), r.getTimestamp(3).toInstant(),
                    r.getTimestamp(4).toInstant().minus(claimTimeout), r.getTimestamp(5).toInstant(), got};
                long[] stage = new long[NAMES.length + 1];
                for (int i = 0; i < NAMES.length; i++) {
                    stage[i] = Duration.between(t[i], t[i + 1]).toMillis();
                }
                stage[NAMES.length] = Long.parseLong(id.substring("probe-".length())); // to see if the slow ones come early
                rows.add(stage);
            }
        }
        return rows;
    }

    private static long total(long[] stages) {
        return Arrays.stream(stages, 0, NAMES.length).sum();
    }

    static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

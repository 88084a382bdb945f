package io.pactwatch.poller.persistence;

import io.pactwatch.poller.domain.CredentialSeal;
import io.pactwatch.poller.domain.FeedDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The feed registry in PostgreSQL. Due feeds are claimed with a lease under {@code FOR UPDATE SKIP LOCKED}, so
 * several poller replicas never fetch the same feed in one interval and a dead replica's feeds are free after the
 * lease expires. Credentials in feed URLs are sealed on the way in and opened on the way out ({@link CredentialSeal}).
 */
@ApplicationScoped
public class FeedRepository {

    private static final Logger LOG = Logger.getLogger(FeedRepository.class);

    private final Pool pool;
    private final CredentialSeal seal;

    public FeedRepository(Pool pool, CredentialSeal seal) {
        this.pool = pool;
        this.seal = seal;
    }

    public Uni<List<FeedRow>> claimDue(String owner, long leaseSeconds, int limit) {
        return pool.preparedQuery("""
                UPDATE feed SET lease_owner = $1, lease_until = now() + make_interval(secs => $2)
                WHERE id IN (SELECT id FROM feed
                             WHERE enabled AND next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
                             ORDER BY next_poll_at LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING *""").execute(Tuple.of(owner, (double) leaseSeconds, limit)).map(this::rows);
    }

    /**
     * Records many successful polls in one statement (each feed its own status, validators, next poll time and
     * published count) and releases their leases. Several outcomes of one feed in one call keep the last: a feed is
     * polled once at a time, so that only happens after a lease expired. ({@code f.id = ANY($1)} lets PostgreSQL
     * find the rows by primary key whatever the batch size; without it a large batch was joined by a scan of the
     * whole table.)
     */
    public Uni<Void> recordSuccesses(List<PollSuccess> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        java.util.Map<Long, PollSuccess> byFeed = new java.util.LinkedHashMap<>();
        outcomes.forEach(o -> byFeed.put(o.feedId(), o));
        if (byFeed.size() == 1) {
            // alone (an idle poller): the plain statement, whose plan PostgreSQL caches; the join below is planned
            // on every execution, as its array size changes
            return recordSuccess(byFeed.values().iterator().next());
        }
        int n = byFeed.size();
        Long[] ids = new Long[n];
        Integer[] statuses = new Integer[n];
        String[] etags = new String[n];
        String[] lastModified = new String[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        Integer[] published = new Integer[n];
        int i = 0;
        for (PollSuccess o : byFeed.values()) {
            ids[i] = o.feedId();
            statuses[i] = o.status();
            etags[i] = o.etag();
            lastModified[i] = o.lastModified();
            next[i] = odt(o.nextPollAt());
            published[i] = o.published();
            i++;
        }
        return pool.preparedQuery("""
                UPDATE feed AS f SET last_status = o.status, etag = COALESCE(o.etag, f.etag),
                  last_modified = COALESCE(o.last_modified, f.last_modified), next_poll_at = o.next_poll_at,
                  last_polled_at = now(), last_success_at = now(), consecutive_failures = 0,
                  items_published = f.items_published + o.published, lease_owner = NULL, lease_until = NULL,
                  updated_at = now()
                FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::int[])
                  AS o(id, status, etag, last_modified, next_poll_at, published)
                WHERE f.id = o.id AND f.id = ANY($1)""")
                .execute(Tuple.tuple().addArrayOfLong(ids).addArrayOfInteger(statuses).addArrayOfString(etags)
                        .addArrayOfString(lastModified).addArrayOfOffsetDateTime(next).addArrayOfInteger(published))
                .replaceWithVoid();
    }

    private Uni<Void> recordSuccess(PollSuccess o) {
        return pool.preparedQuery("""
                UPDATE feed SET last_status = $2, etag = COALESCE($3, etag), last_modified = COALESCE($4, last_modified),
                  next_poll_at = $5, last_polled_at = now(), last_success_at = now(), consecutive_failures = 0,
                  items_published = items_published + $6, lease_owner = NULL, lease_until = NULL, updated_at = now()
                WHERE id = $1""").execute(tupleOf(o.feedId(), o.status(), o.etag(), o.lastModified(), o.nextPollAt(),
                        o.published())).replaceWithVoid();
    }

    private static Tuple tupleOf(Object... values) {
        Tuple tuple = Tuple.tuple();
        for (Object v : values) {
            tuple.addValue(v instanceof Instant i ? odt(i) : v);
        }
        return tuple;
    }

    /** Records a failed poll, keeps the validators, and releases the lease. */
    public Uni<Void> recordFailure(long id, Integer status, String error, Instant nextPollAt) {
        return pool.preparedQuery("""
                UPDATE feed SET last_status = $2, last_error = $3, last_error_at = now(), last_polled_at = now(),
                  consecutive_failures = consecutive_failures + 1, next_poll_at = $4,
                  lease_owner = NULL, lease_until = NULL, updated_at = now()
                WHERE id = $1""").execute(tupleOf(id, status, error, nextPollAt)).replaceWithVoid();
    }

    /** Frees leases of {@code owner} on the given feeds (claimed, never polled); another owner's are left alone. */
    public Uni<Void> releaseLeases(String owner, List<Long> ids) {
        return pool.preparedQuery("UPDATE feed SET lease_owner = NULL, lease_until = NULL "
                + "WHERE id = ANY($1) AND lease_owner = $2")
                .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new)).addString(owner)).replaceWithVoid();
    }

    /** Frees the leases that earlier runs of this instance ({@code prefix*}) held when they died; not {@code current}'s. */
    public Uni<Void> releaseEarlierLeases(String prefix, String current) {
        return pool.preparedQuery("UPDATE feed SET lease_owner = NULL, lease_until = NULL "
                + "WHERE starts_with(lease_owner, $1) AND lease_owner <> $2")
                .execute(Tuple.of(prefix, current)).replaceWithVoid();
    }

    public Uni<List<FeedRow>> list() {
        return pool.query("SELECT * FROM feed ORDER BY id").execute().map(this::rows);
    }

    public Uni<FeedRow> find(long id) {
        return pool.preparedQuery("SELECT * FROM feed WHERE id = $1").execute(Tuple.of(id))
                .map(rs -> rs.iterator().hasNext() ? row(rs.iterator().next()) : null);
    }

    /** Adds a feed (API); fails with {@link DuplicateFeedException} when its name or url is already registered. */
    public Uni<FeedRow> insert(FeedDefinition d, String origin) {
        return pool.preparedQuery("""
                INSERT INTO feed (name, url, interval_seconds, enabled, tags, full_text, origin)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *""")
                .execute(definition(d).addString(origin)).map(rs -> row(rs.iterator().next()))
                .onFailure(FeedRepository::uniqueViolation).transform(e -> new DuplicateFeedException(d));
    }

    /**
     * Syncs a declared feed (config file): updates the feed with the same name, else the one with the same url,
     * else inserts it — definition fields only, so health, validators and the seen-set survive a redeploy.
     */
    public Uni<FeedRow> upsertDeclared(FeedDefinition d) {
        return pool.preparedQuery("""
                UPDATE feed SET url = $2, interval_seconds = $3, enabled = $4, tags = $5, full_text = $6,
                  origin = $7, updated_at = now()
                WHERE name = $1 RETURNING *""").execute(definition(d).addString("config")).chain(rs -> {
                    if (rs.iterator().hasNext()) {
                        return Uni.createFrom().item(row(rs.iterator().next()));
                    }
                    return pool.preparedQuery("""
                            INSERT INTO feed (name, url, interval_seconds, enabled, tags, full_text, origin)
                            VALUES ($1, $2, $3, $4, $5, $6, $7)
                            ON CONFLICT (url) DO UPDATE SET name = EXCLUDED.name,
                              interval_seconds = EXCLUDED.interval_seconds, enabled = EXCLUDED.enabled,
                              tags = EXCLUDED.tags, full_text = EXCLUDED.full_text, origin = EXCLUDED.origin,
                              updated_at = now()
                            RETURNING *""").execute(definition(d).addString("config"))
                            .map(inserted -> row(inserted.iterator().next()));
                });
    }

    public Uni<FeedRow> update(long id, FeedDefinition d) {
        return pool.preparedQuery("""
                UPDATE feed SET name = $1, url = $2, interval_seconds = $3, enabled = $4, tags = $5, full_text = $6,
                  next_poll_at = LEAST(next_poll_at, now() + make_interval(secs => $3)), updated_at = now()
                WHERE id = $7 RETURNING *""").execute(definition(d).addLong(id))
                .map(rs -> rs.iterator().hasNext() ? row(rs.iterator().next()) : null)
                .onFailure(FeedRepository::uniqueViolation).transform(e -> new DuplicateFeedException(d));
    }

    public Uni<Boolean> delete(long id) {
        return pool.preparedQuery("DELETE FROM feed WHERE id = $1").execute(Tuple.of(id)).map(rs -> rs.rowCount() == 1);
    }

    public Uni<Long> countFailing(int threshold) {
        return pool.preparedQuery("SELECT count(*) FROM feed WHERE enabled AND consecutive_failures >= $1")
                .execute(Tuple.of(threshold)).map(rs -> rs.iterator().next().getLong(0));
    }

    private Tuple definition(FeedDefinition d) {
        return Tuple.tuple().addString(d.name().trim()).addString(seal.seal(d.url().trim())).addInteger(d.intervalOrDefault())
                .addBoolean(d.enabledOrDefault()).addArrayOfString(d.tagsOrEmpty().toArray(String[]::new))
                .addBoolean(d.fullTextOrDefault());
    }

    private List<FeedRow> rows(RowSet<Row> rs) {
        List<FeedRow> rows = new ArrayList<>();
        rs.forEach(r -> rows.add(row(r)));
        return rows;
    }

    /**
     * The row with its URL as entered. Credentials this seal cannot open stay sealed (the fetcher then refuses the feed
     * with a {@code CREDENTIALS} error), so one such feed never fails a claim or a listing.
     */
    private FeedRow row(Row r) {
        FeedRow stored = FeedRow.of(r);
        try {
            return stored.withUrl(seal.open(stored.url()));
        } catch (CredentialSeal.UnreadableCredentialsException e) {
            LOG.warnf("feed %d (%s): %s", stored.id(), stored.name(), e.getMessage());
            return stored;
        }
    }

    /**
     * Seals with the current key the credentials of feeds stored in clear (before a key was set) or with a previous
     * key (before a rotation); returns how many. A row changed since it was read is left to its next write, which
     * seals it anyway.
     */
    public Uni<Integer> sealStoredCredentials() {
        if (!seal.changesStoredUrls()) {
            return Uni.createFrom().item(0);
        }
        return pool.query("SELECT id, url FROM feed WHERE url LIKE '%://%@%' OR url LIKE '%?%'").execute().chain(rs -> {
            List<Tuple> changes = new ArrayList<>();
            rs.forEach(r -> {
                String url = r.getString("url");
                String sealed = seal.resealed(url);
                if (!sealed.equals(url)) {
                    changes.add(Tuple.of(r.getLong("id"), sealed, url));
                }
            });
            return changes.isEmpty() ? Uni.createFrom().item(0)
                    : pool.preparedQuery("UPDATE feed SET url = $2 WHERE id = $1 AND url = $3").executeBatch(changes)
                            .replaceWith(changes.size());
        });
    }

    private static boolean uniqueViolation(Throwable e) {
        return e instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package io.pactwatch.poller.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The persisted seen-set: the revision and content hash last published per article id. */
@ApplicationScoped
public class SeenItemRepository {

    /** What was last published for an article. */
    public record Seen(int revision, String contentHash) {
    }

    private final Pool pool;

    public SeenItemRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<String, Seen>> find(List<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT article_id, revision, content_hash FROM seen_item WHERE article_id = ANY($1)")
                .execute(Tuple.of(articleIds.toArray(String[]::new))).map(rs -> {
                    Map<String, Seen> seen = new HashMap<>();
                    rs.forEach(r -> seen.put(r.getString(0), new Seen(r.getInteger(1), r.getString(2))));
                    return seen;
                });
    }

    /** The article id last published for each canonical link of a feed. */
    public Uni<Map<String, String>> findByUrl(long feedId, List<String> canonicalUrls) {
        if (canonicalUrls.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                SELECT canonical_url, article_id FROM seen_item WHERE feed_id = $1 AND canonical_url = ANY($2)
                ORDER BY updated_at""")
                .execute(Tuple.of(feedId, canonicalUrls.toArray(String[]::new))).map(rs -> {
                    Map<String, String> ids = new HashMap<>();
                    rs.forEach(r -> ids.put(r.getString(0), r.getString(1)));
                    return ids;
                });
    }

    /** Records a published revision (called only after the broker acknowledged it). */
    public Uni<Void> markPublished(String articleId, long feedId, int revision, String contentHash, String canonicalUrl) {
        return pool.preparedQuery("""
                INSERT INTO seen_item (article_id, feed_id, revision, content_hash, canonical_url) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (article_id) DO UPDATE SET revision = GREATEST(seen_item.revision, EXCLUDED.revision),
                  content_hash = EXCLUDED.content_hash, canonical_url = EXCLUDED.canonical_url, updated_at = now()""")
                .execute(Tuple.of(articleId, feedId, revision, contentHash, canonicalUrl)).replaceWithVoid();
    }
}

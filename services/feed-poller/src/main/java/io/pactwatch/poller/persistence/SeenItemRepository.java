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

    /** Records a published revision (called only after the broker acknowledged it). */
    public Uni<Void> markPublished(String articleId, long feedId, int revision, String contentHash) {
        return pool.preparedQuery("""
                INSERT INTO seen_item (article_id, feed_id, revision, content_hash) VALUES ($1, $2, $3, $4)
                ON CONFLICT (article_id) DO UPDATE SET revision = GREATEST(seen_item.revision, EXCLUDED.revision),
                  content_hash = EXCLUDED.content_hash, updated_at = now()""")
                .execute(Tuple.of(articleId, feedId, revision, contentHash)).replaceWithVoid();
    }
}

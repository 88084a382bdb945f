package io.pactwatch.notifier.rest;

import io.pactwatch.notifier.persistence.ArticleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read API of the stored relevant articles (every revision), newest first, filterable by outlet and article id. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    /** One stored article revision. */
    public record ArticleView(String articleId, int revision, String feedName, String url, String title, String summary,
            Instant publishedAt, String classifierVersion, double score) {
    }

    /** A page of articles. */
    public record ArticlePage(int page, int size, long total, List<ArticleView> items) {
    }

    @GET
    public Uni<ArticlePage> list(@QueryParam("feed") String feed, @QueryParam("articleId") String articleId,
            @QueryParam("since") String since,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (feed != null) {
            query.append(" and feedName = :feed");
            params.put("feed", feed);
        }
        if (articleId != null) {
            query.append(" and articleId = :articleId");
            params.put("articleId", articleId);
        }
        if (since != null) {
            try {
                params.put("since", Instant.parse(since));
                query.append(" and publishedAt >= :since");
            } catch (java.time.format.DateTimeParseException e) {
                return Uni.createFrom().failure(new jakarta.ws.rs.BadRequestException(
                        "since must be an ISO-8601 instant, e.g. 2024-06-01T00:00:00Z"));
            }
        }
        int pageSize = Math.max(1, Math.min(size, 500));
        return Panache.withSession(() -> {
            var found = ArticleEntity.<ArticleEntity>find(query.toString(), Sort.by("publishedAt").descending().and("revision"), params);
            return found.count().chain(total -> found.page(Page.of(Math.max(page, 0), pageSize)).list()
                    .map(rows -> new ArticlePage(page, pageSize, total, rows.stream().map(a -> new ArticleView(a.articleId,
                            a.revision, a.feedName, a.url, a.title, a.summary, a.publishedAt, a.classifierVersion, a.score))
                            .toList())));
        });
    }
}

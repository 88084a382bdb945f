package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.ClassifiedArticle;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A relevant article revision as stored by the notifier. */
@Entity
@Table(name = "article")
public class ArticleEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "article_id")
    public String articleId;
    public int revision;
    @Column(name = "feed_name")
    public String feedName;
    public String url;
    public String title;
    public String summary;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "classifier_version")
    public String classifierVersion;
    public double score;
    @Column(name = "stored_at")
    public Instant storedAt;

    static ArticleEntity of(String id, ClassifiedArticle a, Instant storedAt) {
        ArticleEntity e = new ArticleEntity();
        e.id = id;
        e.articleId = a.articleId();
        e.revision = a.revision();
        e.feedName = a.feedName();
        e.url = a.url();
        e.title = a.title();
        e.summary = a.summary();
        e.publishedAt = a.publishedAt();
        e.classifierVersion = a.classifierVersion();
        e.score = a.score();
        e.storedAt = storedAt;
        return e;
    }

    public static String idOf(String articleId, int revision) {
        return articleId + "#" + revision;
    }
}

package io.pactwatch.notifier.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One article reporting one event. */
@Entity
@Table(name = "event_source")
public class EventSourceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "article_id")
    public String articleId;
    @Column(name = "feed_name")
    public String feedName;
    public String url;
    public String title;
    @Column(name = "published_at")
    public Instant publishedAt;
    public String evidence;
    @Column(name = "attached_at")
    public Instant attachedAt;
}

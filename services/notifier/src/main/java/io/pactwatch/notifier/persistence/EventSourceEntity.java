package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.EventSource;
import io.pactwatch.contracts.Json;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;

/** One article reporting one event. */
@Entity
@Table(name = "event_source")
public class EventSourceEntity extends PanacheEntityBase {

    /** Taken fifty at a time (V5 migration), so a batch's sources go to PostgreSQL as batched inserts. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_source_ids")
    @SequenceGenerator(name = "event_source_ids", sequenceName = "event_source_id_seq", allocationSize = 50)
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

    // made once: a source never changes after it is attached, and a kept source is in many versions of its event
    @Transient
    private EventSource inView;
    @Transient
    private String inViewJson;

    /** This source as an event's view carries it: title and evidence cut to the contract's limit. */
    public EventSource inView() {
        EventSource made = inView;
        if (made == null) {
            made = new EventSource(articleId, feedName, url, EventViews.cut(title), publishedAt,
                    EventViews.cut(evidence));
            inView = made;
        }
        return made;
    }

    /** {@link #inView()} as contract JSON. */
    String inViewJson() {
        String made = inViewJson;
        if (made == null) {
            made = Json.write(inView());
            inViewJson = made;
        }
        return made;
    }
}

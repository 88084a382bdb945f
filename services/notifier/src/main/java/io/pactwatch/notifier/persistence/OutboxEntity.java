package io.pactwatch.notifier.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A version of an event waiting to be relayed to pactwatch.agreement-events. */
@Entity
@Table(name = "event_outbox")
public class OutboxEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    public long version;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;

    static OutboxEntity of(String eventId, long version, String payload, Instant createdAt) {
        OutboxEntity row = new OutboxEntity();
        row.eventId = eventId;
        row.version = version;
        row.payload = payload;
        row.createdAt = createdAt;
        return row;
    }
}

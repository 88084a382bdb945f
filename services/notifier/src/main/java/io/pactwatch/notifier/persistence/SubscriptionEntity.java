package io.pactwatch.notifier.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscriber's channel, target and filters, and whether it is active, pending confirmation or failing. */
@Entity
@Table(name = "subscription")
public class SubscriptionEntity extends PanacheEntityBase {

    public static final String PENDING_CONFIRMATION = "PENDING_CONFIRMATION";
    public static final String ACTIVE = "ACTIVE";
    public static final String FAILING = "FAILING";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String channel;
    public String target;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    public String[] eventTypes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] trackers;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] counterparts;
    @Column(name = "min_corroboration")
    public int minCorroboration;
    public String status;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "next_send_at")
    public Instant nextSendAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

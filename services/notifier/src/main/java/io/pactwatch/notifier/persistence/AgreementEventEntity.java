package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.EventType;
import io.pactwatch.notifier.domain.KnownEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A real-world agreement event with its current state. */
@Entity
@Table(name = "agreement_event")
public class AgreementEventEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "identity_key")
    public String identityKey;
    @Column(name = "tracker_id")
    public String trackerId;
    public String counterpart;
    @Column(name = "counterpart_name")
    public String counterpartName;
    @Enumerated(EnumType.STRING)
    public EventType type;
    public Integer round;
    @Column(name = "event_date")
    public LocalDate eventDate;
    public int corroboration;
    @Column(name = "linked_event_id")
    public String linkedEventId;
    public long version;
    @Column(name = "first_reported_at")
    public Instant firstReportedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public KnownEvent known() {
        return new KnownEvent(id, trackerId, counterpart, type, round, eventDate);
    }
}

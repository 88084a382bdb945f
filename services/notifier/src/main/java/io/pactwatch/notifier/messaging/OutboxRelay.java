package io.pactwatch.notifier.messaging;

import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.notifier.persistence.OutboxEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Relays committed event versions from the outbox table to {@code pactwatch.agreement-events} (keyed by event id,
 * CloudEvents headers), marking a row published only after the broker acknowledged it. One replica relays at a time
 * (a transaction-scoped advisory lock), in outbox order, so the compacted topic ends with each event's latest version.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "agreement-events-out";
    /** One relay at a time across replicas, so the versions of an event reach its partition in order. */
    public static final long RELAY_LOCK = 0x7061637477L;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final NotifierMetrics metrics;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, NotifierMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /** Rows relayed per transaction; a full batch is followed at once by the next, so a backlog drains without waiting. */
    static final int BATCH = 200;

    @Scheduled(every = "${pactwatch.notifier.outbox-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return Multi.createBy().repeating().uni(this::relayBatch).whilst(relayed -> relayed == BATCH)
                .collect().last()
                .onFailure().invoke(e -> LOG.warnf("agreement-events relay paused: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * One transaction: the next unpublished rows, sent one after another without waiting for each acknowledgement (the
     * idempotent producer keeps their order per partition), marked published once the broker acknowledged all of them.
     * If any send fails nothing is marked, and the rows are sent again later (a version twice is harmless).
     */
    private Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class).getSingleResult()
                .chain(leader -> !leader ? Uni.createFrom().item(List.<Long>of()) : session.createNativeQuery(
                        "SELECT id FROM event_outbox WHERE published_at IS NULL ORDER BY id LIMIT " + BATCH
                                + " FOR UPDATE SKIP LOCKED", Long.class).getResultList()))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<OutboxEntity>of())
                        : OutboxEntity.<OutboxEntity>list("id in ?1 order by id", ids))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0)
                        : Uni.join().all(rows.stream().map(this::send).toList()).andFailFast()
                                .chain(() -> markPublished(rows)).replaceWith(rows.size())));
    }

    /**
     * One statement for the batch. Setting {@code publishedAt} on the loaded rows instead made Hibernate update each row
     * with all its columns, so every payload (up to tens of kB of JSON) was encoded and sent to PostgreSQL again.
     */
    private static Uni<Integer> markPublished(List<OutboxEntity> rows) {
        return OutboxEntity.update("publishedAt = ?1 where id in ?2", Instant.now(), rows.stream().map(r -> r.id).toList());
    }

    private Uni<Void> send(OutboxEntity row) {
        Message<String> message = Message.of(row.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.eventId).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.eventId + "#" + row.version)
                        .withType(CloudEventTypes.AGREEMENT_EVENT)
                        .withSource(URI.create(CloudEventTypes.SOURCE_NOTIFIER))
                        .withTimestamp(row.createdAt.atZone(ZoneOffset.UTC))
                        .build());
        return emitter.sendMessage(message).invoke(metrics::eventPublished);
    }
}

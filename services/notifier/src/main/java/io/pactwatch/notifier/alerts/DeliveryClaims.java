package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dispatcher's claim: in one short transaction, locks due deliveries with {@code FOR UPDATE SKIP LOCKED} (so
 * replicas never take the same row) and their subscriptions with skip too (so one replica at a time decides a
 * webhook's pacing), takes at most one per subscription whose pacing slot has come, and marks those SENDING with a
 * claim deadline. Deliveries of deleted or inactive subscriptions fail here.
 */
@ApplicationScoped
class DeliveryClaims {

    /** A claimed delivery with what is needed to send it. */
    record Claimed(long deliveryId, long subscriptionId, String channel, String target, String eventId, int attempts) {
    }

    /** What a claim took, and the earliest moment a delivery it left for pacing may be sent (null: none left). */
    record Claims(List<Claimed> claimed, Instant pacedUntil) {
    }

    /** How soon a delivery skipped because another run held its subscription is tried again. */
    private static final Duration LOCKED_RETRY = Duration.ofMillis(50);

    /**
     * Due deliveries ({@code FOR UPDATE SKIP LOCKED}: never a row another replica holds) with their subscriptions,
     * locked with skip too and read after the lock, so their pacing is the latest committed ({@code NO KEY}: the
     * foreign-key check of a delivery being stored meanwhile does not wait for the claim). A subscription another run
     * holds comes back as not held; whether it still exists is then read without a lock.
     */
    private static final String DUE = """
            WITH due AS MATERIALIZED (
                SELECT id, subscription_id, event_id, attempts FROM delivery
                WHERE (status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND claimed_until < now())
                ORDER BY id LIMIT %d FOR UPDATE SKIP LOCKED),
            held AS MATERIALIZED (
                SELECT id, status, channel, target, (extract(epoch FROM next_send_at) * 1000000)::bigint AS next_send_micros
                FROM subscription WHERE id IN (SELECT subscription_id FROM due) FOR NO KEY UPDATE SKIP LOCKED)
            SELECT due.id, due.subscription_id, due.event_id, due.attempts,
                   held.id IS NOT NULL, held.status, held.channel, held.target, held.next_send_micros,
                   held.id IS NULL AND EXISTS (SELECT 1 FROM subscription s WHERE s.id = due.subscription_id)
            FROM due LEFT JOIN held ON held.id = due.subscription_id ORDER BY due.id""";

    private final NotifierConfig config;
    private final DeliveryOutcomes outcomes;

    public DeliveryClaims(NotifierConfig config, DeliveryOutcomes outcomes) {
        this.config = config;
        this.outcomes = outcomes;
    }

    /** The earlier of two moments, either of which may be null (none). */
    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * Claims what is due now, up to {@code dispatch.batch-size} rows, in a transaction of its own (or the caller's):
     * one statement locks and reads the due deliveries with their subscriptions, and one more marks what was taken.
     */
    Uni<Claims> claim() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                DUE.formatted(config.dispatch().batchSize()), Object[].class).getResultList()
                .map(rows -> decide(rows, now))
                .call(decision -> mark(session, decision, now))
                .map(decision -> new Claims(decision.claimed(), decision.pacedUntil()))));
    }

    /** What a claim decided: deliveries to send, deliveries to fail (id → reason), and the next moment worth a look. */
    private record Decision(List<Claimed> claimed, Map<Long, String> failed, Instant pacedUntil) {
    }

    /** Takes at most one delivery per held subscription whose pacing slot has come; fails those with no active one. */
    private Decision decide(List<Object[]> rows, Instant now) {
        List<Claimed> claimed = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        Set<Long> taken = new HashSet<>();
        Instant pacedUntil = null;
        for (Object[] row : rows) {
            long deliveryId = ((Number) row[0]).longValue();
            long subscriptionId = ((Number) row[1]).longValue();
            if (outcomes.unwritten(deliveryId)) {
                continue; // its outcome is waiting to be recorded: it was sent or tried already, never claim it again
            }
            if (!(Boolean) row[4]) {
                if ((Boolean) row[9]) {
                    // another run holds the subscription for its claim: try again in a moment
                    pacedUntil = earliest(pacedUntil, now.plus(LOCKED_RETRY));
                } else {
                    failed.put(deliveryId, "subscription deleted");
                }
                continue;
            }
            String status = (String) row[5];
            String channel = (String) row[6];
            if (!SubscriptionEntity.ACTIVE.equals(status)) {
                failed.put(deliveryId, "subscription " + status);
                continue;
            }
            Instant nextSendAt = Instant.EPOCH.plus(((Number) row[8]).longValue(), ChronoUnit.MICROS);
            if (taken.contains(subscriptionId) || nextSendAt.isAfter(now)) {
                pacedUntil = earliest(pacedUntil, taken.contains(subscriptionId) ? now.plus(outcomes.spacing(channel)) : nextSendAt);
                continue;
            }
            taken.add(subscriptionId);
            claimed.add(new Claimed(deliveryId, subscriptionId, channel, (String) row[7], (String) row[2],
                    ((Number) row[3]).intValue() + 1));
        }
        return new Decision(claimed, failed, pacedUntil);
    }

    /**
     * Marks the taken deliveries SENDING with the claim deadline, holds their subscriptions' pacing slot until then
     * (the outcome sets the real next slot), and fails the deliveries of deleted or inactive subscriptions.
     */
    private Uni<Void> mark(Mutiny.Session session, Decision decision, Instant now) {
        Uni<Void> marked = Uni.createFrom().voidItem();
        if (!decision.claimed().isEmpty()) {
            Instant until = now.plus(config.dispatch().claimTimeout());
            marked = session.createNativeQuery("""
                    WITH paced AS (UPDATE subscription SET next_send_at = :until WHERE id IN (:subscriptions))
                    UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, claimed_until = :until
                    WHERE id IN (:deliveries)""")
                    .setParameter("until", until)
                    .setParameter("subscriptions", decision.claimed().stream().map(Claimed::subscriptionId).toList())
                    .setParameter("deliveries", decision.claimed().stream().map(Claimed::deliveryId).toList())
                    .executeUpdate().replaceWithVoid();
        }
        for (Map.Entry<Long, String> failure : decision.failed().entrySet()) {
            marked = marked.chain(() -> session.createNativeQuery(
                    "UPDATE delivery SET status = 'FAILED', last_error = :error WHERE id = :id")
                    .setParameter("error", failure.getValue()).setParameter("id", failure.getKey())
                    .executeUpdate().replaceWithVoid());
        }
        return marked;
    }
}

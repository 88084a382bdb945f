package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.persistence.DeliveryEntity;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dispatcher's claim: in one short transaction, locks due deliveries with {@code FOR UPDATE SKIP LOCKED} (so
 * replicas never take the same row) and their subscriptions the same way (so one replica at a time decides a webhook's
 * pacing), takes at most one per subscription whose pacing slot has come, and marks those SENDING with a claim
 * deadline. Deliveries of deleted or inactive subscriptions fail here.
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

    /** Claims what is due now, up to {@code dispatch.batch-size} rows, in a transaction of its own (or the caller's). */
    Uni<Claims> claim() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT id FROM delivery
                WHERE (status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND claimed_until < now())
                ORDER BY id LIMIT %d FOR UPDATE SKIP LOCKED""".formatted(config.dispatch().batchSize()), Long.class)
                .getResultList())
                // a delivery whose outcome is waiting to be recorded was sent or tried already: never claim it again
                .map(ids -> ids.stream().filter(id -> !outcomes.unwritten(id)).toList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<DeliveryEntity>of())
                        : DeliveryEntity.<DeliveryEntity>list("id in ?1 order by id", ids))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(new Claims(List.of(), null));
                    }
                    Set<Long> subIds = rows.stream().map(d -> d.subscriptionId).collect(Collectors.toSet());
                    // Lock the subscriptions too (skipping those another replica holds), so the pacing of one
                    // webhook is decided by one replica at a time.
                    String idList = subIds.stream().map(String::valueOf).collect(Collectors.joining(","));
                    return Panache.getSession().chain(session -> session.createNativeQuery(
                            "SELECT id FROM subscription WHERE id IN (" + idList + ") FOR UPDATE SKIP LOCKED", Long.class)
                            .getResultList()).map(HashSet::new).chain(locked -> SubscriptionEntity
                            .<SubscriptionEntity>list("id in ?1", subIds).map(subs -> {
                        Map<Long, SubscriptionEntity> byId = subs.stream().collect(Collectors.toMap(s -> s.id, s -> s));
                        List<Claimed> claimed = new ArrayList<>();
                        Set<Long> taken = new HashSet<>();
                        Instant pacedUntil = null;
                        for (DeliveryEntity d : rows) {
                            SubscriptionEntity s = byId.get(d.subscriptionId);
                            if (s != null && !locked.contains(s.id)) {
                                // another run holds the subscription for its claim: try again in a moment
                                pacedUntil = earliest(pacedUntil, now.plus(LOCKED_RETRY));
                                continue;
                            }
                            if (s == null || !SubscriptionEntity.ACTIVE.equals(s.status)) {
                                d.status = DeliveryEntity.FAILED;
                                d.lastError = s == null ? "subscription deleted" : "subscription " + s.status;
                                continue;
                            }
                            if (taken.contains(s.id) || s.nextSendAt.isAfter(now)) {
                                pacedUntil = earliest(pacedUntil, taken.contains(s.id) ? now.plus(outcomes.spacing(s.channel)) : s.nextSendAt);
                                continue;
                            }
                            taken.add(s.id);
                            d.status = DeliveryEntity.SENDING;
                            d.attempts++;
                            d.claimedUntil = now.plus(config.dispatch().claimTimeout());
                            // held while the send is in flight; record() sets the real next slot
                            s.nextSendAt = d.claimedUntil;
                            claimed.add(new Claimed(d.id, s.id, s.channel, s.target, d.eventId, d.attempts));
                        }
                        return new Claims(claimed, pacedUntil);
                    }));
                }));
    }
}

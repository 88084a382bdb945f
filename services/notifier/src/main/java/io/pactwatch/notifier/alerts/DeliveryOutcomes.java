package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.RetryPolicy;
import io.pactwatch.notifier.persistence.DeliveryEntity;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Writes what became of each send (sent, to be retried, failed for good) and the subscription's next pacing slot. An
 * outcome that cannot be written (the database went away after the send) is held back and written before the
 * dispatcher's next claim; until then its delivery is never claimed again, so a message that left is not sent twice
 * because of a database outage.
 */
@ApplicationScoped
class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    /** A finished send to be recorded, with the moment it finished (pacing counts from it). */
    record Attempt(DeliveryClaims.Claimed claimed, SendResult result, Instant finished) {
    }

    /** Attempts whose outcome is being written, by delivery id. */
    private final Map<Long, Attempt> writing = new ConcurrentHashMap<>();
    /**
     * Attempts whose outcome could not be written, by delivery id, kept until a later run writes them. Lost if the
     * process dies, and then the claim deadline re-sends (the at-least-once window documented in alerts.md).
     */
    private final Map<Long, Attempt> heldBack = new ConcurrentHashMap<>();
    private final RetryPolicy retries;
    private final Duration webhookSpacing;

    public DeliveryOutcomes(NotifierConfig config) {
        NotifierConfig.Dispatch d = config.dispatch();
        this.retries = new RetryPolicy(d.retryBase(), d.retryCap(), d.maxAttempts());
        this.webhookSpacing = config.slack().minSpacing();
    }

    /** The least time between two messages to one target of this channel: Slack and webhooks are paced. */
    Duration spacing(String channel) {
        return "slack".equals(channel) || "webhook".equals(channel) ? webhookSpacing : Duration.ZERO;
    }

    /** Whether this delivery was sent or tried and its outcome is not written yet: it must not be claimed again. */
    boolean unwritten(long deliveryId) {
        return writing.containsKey(deliveryId) || heldBack.containsKey(deliveryId);
    }

    /** Writes the outcomes a database outage left unrecorded, oldest first; fails while the outage lasts. */
    Uni<Void> writeHeldBack() {
        if (heldBack.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Attempt> left = heldBack.values().stream().sorted(Comparator.comparing(Attempt::finished)).toList();
        return Multi.createFrom().iterable(left).onItem().transformToUniAndConcatenate(a -> write(a)
                        .invoke(() -> heldBack.remove(a.claimed().deliveryId(), a))).collect().last()
                .invoke(() -> LOG.infof("recorded %d delivery outcome(s) held back by a database outage", left.size()))
                .replaceWithVoid();
    }

    /**
     * Records a finished send; if that fails, holds the outcome back (see {@link #writeHeldBack()}) and still
     * completes, so the run goes on with its other claimed deliveries instead of leaving them to the claim deadline.
     */
    Uni<Void> record(Attempt attempt) {
        long id = attempt.claimed().deliveryId();
        writing.put(id, attempt);
        return write(attempt).onFailure().recoverWithItem(e -> {
            heldBack.put(id, attempt);
            LOG.warnf("outcome %s of delivery %d not recorded (%s): held back, written before the next claim",
                    attempt.result().outcome(), id, e.getMessage());
            return null;
        }).onTermination().invoke(() -> writing.remove(id, attempt));
    }

    /**
     * Writes the outcome. The subscription's next allowed send is measured from when this send finished (not from
     * the claim), so two messages to one webhook are always at least the minimum spacing apart, or Retry-After later.
     * The delivery is changed only while it is still this claim's (SENDING, same attempt): writing an outcome again
     * after a commit whose answer was lost, or after another replica took the row over, changes nothing.
     */
    private Uni<Void> write(Attempt attempt) {
        DeliveryClaims.Claimed c = attempt.claimed();
        SendResult r = attempt.result();
        Instant finished = attempt.finished();
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>findById(c.deliveryId())
                .chain(d -> SubscriptionEntity.<SubscriptionEntity>findById(c.subscriptionId()).invoke(s -> {
                    Instant now = Instant.now();
                    if (s != null) {
                        Instant next = finished.plus(spacing(s.channel));
                        if (r.retryAfter() != null && finished.plus(r.retryAfter()).isAfter(next)) {
                            next = finished.plus(r.retryAfter());
                        }
                        s.nextSendAt = next;
                    }
                    if (d == null || !DeliveryEntity.SENDING.equals(d.status) || d.attempts != c.attempts()) {
                        return;
                    }
                    switch (r.outcome()) {
                        case SENT -> {
                            d.status = DeliveryEntity.SENT;
                            d.sentAt = finished;
                            d.lastError = null;
                        }
                        case RETRY -> {
                            if (!retries.exhausted(d.attempts)) {
                                d.status = DeliveryEntity.PENDING;
                                d.lastError = r.error();
                                d.nextAttemptAt = now.plus(retries.delayAfter(d.attempts, r.retryAfter()));
                            } else {
                                d.status = DeliveryEntity.FAILED;
                                d.lastError = "gave up after " + d.attempts + " attempts: " + r.error();
                            }
                        }
                        default -> {
                            d.status = DeliveryEntity.FAILED;
                            d.lastError = r.error();
                            LOG.warnf("subscription %d failing: %s", c.subscriptionId(), r.error());
                            if (s != null) {
                                s.status = SubscriptionEntity.FAILING;
                                s.failureReason = r.error();
                                s.updatedAt = now;
                            }
                        }
                    }
                })).replaceWithVoid());
    }
}

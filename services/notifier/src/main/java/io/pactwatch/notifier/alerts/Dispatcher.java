package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.messaging.NotifierMetrics;
import io.pactwatch.notifier.persistence.AgreementEventEntity;
import io.pactwatch.notifier.persistence.EventViews;
import io.pactwatch.notifier.persistence.ViewSourcesCache;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends pending deliveries. A run claims due deliveries ({@link DeliveryClaims}: never a row another replica holds, at
 * most one per subscription whose pacing allows it, marked SENDING with a claim timeout), sends them outside the
 * transaction, several at once (each on a Vert.x context of its own, as Hibernate Reactive needs), then records for
 * each SENT, a retry with backoff and jitter, or a permanent failure that flags the subscription
 * ({@link DeliveryOutcomes}). A crash leaves the row SENDING; after the claim timeout it is retried. An outcome that
 * cannot be recorded (the database went away after the send) is held back and recorded before the next claim; its
 * delivery is not claimed again meanwhile, so a message that left is not sent twice because of a database outage.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final AtomicBoolean kicked = new AtomicBoolean();
    private final AtomicBoolean kickAgain = new AtomicBoolean();
    private final Map<String, AlertSender> senders;
    private final NotifierConfig config;
    private final NotifierMetrics metrics;
    private final ViewSourcesCache views;
    private final DeliveryOutcomes outcomes;
    private final DeliveryClaims deliveryClaims;

    public Dispatcher(@All List<AlertSender> senders, NotifierConfig config, NotifierMetrics metrics, ViewSourcesCache views,
            DeliveryOutcomes outcomes, DeliveryClaims deliveryClaims) {
        this.views = views;
        this.deliveryClaims = deliveryClaims;
        this.senders = senders.stream().collect(Collectors.toMap(AlertSender::channel, Function.identity()));
        this.config = config;
        this.metrics = metrics;
        this.outcomes = outcomes;
    }

    @Scheduled(every = "${pactwatch.notifier.dispatch.interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> dispatch() {
        return outcomes.writeHeldBack().chain(this::timedClaim).chain(claims -> Multi.createFrom().iterable(claims.claimed()).onItem()
                .transformToUni(c -> onOwnContext(() -> sendAndRecord(c))).merge(Math.max(1, config.dispatch().concurrency()))
                .collect().last()
                .invoke(() -> wakeAt(nextWakeUp(claims))))
                .onFailure().invoke(e -> LOG.warnf("dispatch run failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * The work on a duplicated Vert.x context of its own: sends run side by side, and each opens its own Hibernate
     * Reactive session and transaction, which must not share a context. As it is when called off any context.
     */
    private static <T> Uni<T> onOwnContext(Supplier<Uni<? extends T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().deferred(work);
        }
        Context own = safeDuplicate(current);
        return Uni.createFrom().deferred(work).runSubscriptionOn(command -> own.runOnContext(v -> command.run()));
    }

    /** A new duplicated context of {@code parent}, marked safe for Hibernate Reactive: a session of its own. */
    static Context safeDuplicate(Context parent) {
        Context context = VertxContext.createNewDuplicatedContext(parent);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /** The earliest of: the slot of a delivery the claim left, and the next slot of each paced webhook just sent to. */
    private Instant nextWakeUp(DeliveryClaims.Claims claims) {
        Instant next = claims.pacedUntil();
        for (DeliveryClaims.Claimed c : claims.claimed()) {
            Duration spacing = outcomes.spacing(c.channel());
            if (!spacing.isZero()) {
                next = DeliveryClaims.earliest(next, Instant.now().plus(spacing));
            }
        }
        return next;
    }

    /**
     * A delivery left because its webhook's spacing had not passed is sent the moment it has, not at the next poll:
     * polls come every second and a send ends a little after one, so the next slot opened just after the following
     * poll and an alert to a webhook that had one a second or two before waited two polls (seen as 1.3–3.5 s in the
     * alert latency benchmark). So a run wakes the dispatcher at the earliest of: the slot of a delivery it left for
     * pacing, a moment after one it left because another run held the subscription, and the next slot of each paced
     * webhook it sent to (another alert may be waiting for it; if not, that run claims nothing). Slots beyond the
     * next poll or two are left to the polls.
     */
    private void wakeAt(Instant pacedUntil) {
        Context current = Vertx.currentContext();
        if (pacedUntil == null || current == null || !config.dispatch().onCommit()) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), pacedUntil).toMillis() + 1);
        if (delay <= 2 * config.dispatch().interval().toMillis()) {
            current.owner().setTimer(delay, id -> kick());
        }
    }

    /**
     * Runs a dispatch now, on a context of its own, instead of waiting for the next poll: called after a transaction
     * that planned deliveries, so an alert leaves within milliseconds. Concurrent runs (this, the poll, other
     * replicas) are safe: claims skip locked deliveries and subscriptions. Off with
     * {@code pactwatch.notifier.dispatch.on-commit=false}.
     */
    public void kick() {
        Context current = Vertx.currentContext();
        if (current == null || !config.dispatch().onCommit()) {
            return;
        }
        if (kicked.getAndSet(true)) {
            kickAgain.set(true);
            return;
        }
        safeDuplicate(current).runOnContext(v -> runKicked());
    }

    /** One kicked run at a time; a kick during it runs it once more. */
    private void runKicked() {
        kickAgain.set(false);
        dispatch().subscribe().with(ok -> {
            if (kickAgain.get()) {
                runKicked();
            } else {
                kicked.set(false);
                if (kickAgain.getAndSet(false) && !kicked.getAndSet(true)) {
                    runKicked();
                }
            }
        }, e -> kicked.set(false));
    }

    private Uni<DeliveryClaims.Claims> timedClaim() {
        long started = System.nanoTime();
        return deliveryClaims.claim().invoke(claims -> {
            if (!claims.claimed().isEmpty()) {
                metrics.dispatchClaim(Duration.ofNanos(System.nanoTime() - started));
            }
        });
    }

    private Uni<Void> sendAndRecord(DeliveryClaims.Claimed c) {
        long started = System.nanoTime();
        AlertSender sender = senders.get(c.channel());
        Uni<SendResult> result = sender == null ? Uni.createFrom().item(SendResult.permanent("unknown channel " + c.channel()))
                : Panache.withSession(() -> AgreementEventEntity.<AgreementEventEntity>findById(c.eventId())
                        .chain(e -> views.view(e, ChangeKind.NEW)))
                        .chain(event -> sender.send(c.subscriptionId(), c.target(), event));
        return result.onFailure().recoverWithItem(e -> SendResult.retry(String.valueOf(e.getMessage()), null))
                .chain(r -> {
                    metrics.delivery(c.channel(), r.outcome().name().toLowerCase(), Duration.ofNanos(System.nanoTime() - started));
                    return outcomes.record(new DeliveryOutcomes.Attempt(c, r, Instant.now()));
                });
    }

    /** The event view for a delivery, for callers outside the dispatcher (tests). */
    public static Uni<AgreementEvent> eventOf(String eventId) {
        return AgreementEventEntity.<AgreementEventEntity>findById(eventId).chain(e -> EventViews.load(e, ChangeKind.NEW));
    }
}

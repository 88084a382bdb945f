package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.notifier.domain.SlackMessage;
import io.pactwatch.notifier.persistence.EventStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Pays the alert path's one-time costs at start-up instead of on the first real alerts, which took 1.6–4 s each after a
 * start (the alert latency benchmark's warm-up probes): query translation, first statements, class loading. It stores
 * a made-up relevant article, runs a dispatcher claim and renders the resulting event as a Slack message, all in a
 * transaction that is rolled back. Nothing is committed, published or sent; a failure is logged and changes nothing else.
 */
@ApplicationScoped
public class AlertPathWarmUp {

    private static final Logger LOG = Logger.getLogger(AlertPathWarmUp.class);
    /** Rehearsals run back to back: the first pays the one-time costs, the rest give the JIT something to count. */
    static final int REHEARSALS = 20;

    private final EventStore store;
    private final DeliveryClaims claims;
    private final Vertx vertx;

    public AlertPathWarmUp(EventStore store, DeliveryClaims claims, Vertx vertx) {
        this.store = store;
        this.claims = claims;
        this.vertx = vertx;
    }

    void warmUp(@Observes StartupEvent start) {
        long began = System.nanoTime();
        rehearse(REHEARSALS).subscribe().with(
                changes -> LOG.debugf("alert path warmed up in %d ms", (System.nanoTime() - began) / 1_000_000),
                e -> LOG.warnf("alert path warm-up failed (the first alerts will be slower): %s", e.toString()));
    }

    /**
     * Rehearses {@code times} times, one after another, on a Vert.x context of their own (as Hibernate Reactive needs);
     * the item is how many event changes the last rehearsal rendered (1 when the whole path ran).
     */
    public Uni<Integer> rehearse(int times) {
        Context context = Dispatcher.safeDuplicate(vertx.getOrCreateContext());
        Uni<Integer> all = Uni.createFrom().item(0);
        for (int i = 0; i < times; i++) {
            all = all.chain(this::rehearseOnce);
        }
        return all.runSubscriptionOn(command -> context.runOnContext(v -> command.run()));
    }

    /**
     * One stored-and-rolled-back article; then, in the same transaction, a dispatcher claim (whatever it claims is
     * rolled back with the rest, and nothing is sent) and the Slack messages of the changed events, loaded as the
     * dispatcher loads them.
     */
    private Uni<Integer> rehearseOnce() {
        return Panache.withTransaction(() -> Panache.currentTransaction().invoke(Mutiny.Transaction::markForRollback)
                .chain(() -> store.store(List.of(sampleArticle())))
                .call(claims::claim)
                .call(stored -> Multi.createFrom().iterable(stored.changes()).onItem()
                        .transformToUniAndConcatenate(change -> Dispatcher.eventOf(change.eventId())
                                .invoke(AlertPathWarmUp::render)).collect().asList()))
                .map(stored -> stored.changes().size());
    }

    private static void render(AgreementEvent event) {
        if (Json.write(SlackMessage.of(event)).isEmpty()) {
            throw new IllegalStateException("empty Slack message");
        }
    }

    /** A numbered round with a counterpart no tracker reports ("ZZ", user-assigned in ISO 3166). */
    static ClassifiedArticle sampleArticle() {
        Instant now = Instant.now();
        ExtractedEvent round = new ExtractedEvent("ZZ", "Warm-up", EventType.ROUND, 1, LocalDate.ofInstant(now, ZoneOffset.UTC),
                Certainty.CONFIRMED, 1.0, new Evidence("Warm-up and ZZ held the 1st round of talks.", 0, 42, "warm-up"));
        return new ClassifiedArticle("pactwatch-warm-up", 1, "pactwatch", "https://pactwatch.invalid/warm-up",
                "Warm-up", null, now, true, 1.0, "warm-up", now,
                List.of(new TrackerVerdict("pactwatch-warm-up", true, 1.0, List.of(round))));
    }
}

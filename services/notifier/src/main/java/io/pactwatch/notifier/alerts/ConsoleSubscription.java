package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.SubscriptionRequest;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * With {@code pactwatch.notifier.console.enabled}, makes sure one console subscription exists (created at the first
 * start, kept after), so the local demo shows alerts in the log without any account.
 */
@ApplicationScoped
public class ConsoleSubscription {

    private final NotifierConfig config;
    private final Subscriptions subscriptions;

    public ConsoleSubscription(NotifierConfig config, Subscriptions subscriptions) {
        this.config = config;
        this.subscriptions = subscriptions;
    }

    /** Runs before the Kafka consumers start, so no event is stored before the console subscription exists. */
    void ensure(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) throws Throwable {
        if (!config.console().enabled()) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> SubscriptionEntity.count("channel", "console"))
                .chain(n -> n > 0 ? Uni.createFrom().voidItem() : subscriptions.create(new SubscriptionRequest("console",
                        "log", config.console().eventTypes(), null, null, 1)).replaceWithVoid()));
    }
}

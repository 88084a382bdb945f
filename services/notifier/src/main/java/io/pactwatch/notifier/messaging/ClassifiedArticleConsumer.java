package io.pactwatch.notifier.messaging;

import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.MalformedRecordException;
import io.pactwatch.notifier.alerts.Dispatcher;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.StorableRecord;
import io.pactwatch.notifier.persistence.EventStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code pactwatch.articles.classified}. The record is acknowledged only when the Uni completes, i.e. after
 * the event-store transaction committed; a poison record (unparseable, or lacking what the store requires) fails and
 * goes to the dead-letter topic at once. A failed transaction
 * (a conflict with a concurrent replica, PostgreSQL unreachable) is retried with backoff for
 * {@code pactwatch.notifier.store-retry-for} before the record is dead-lettered. A commit that planned deliveries due now
 * kicks the dispatcher, so alerts do not wait for its next poll.
 */
@ApplicationScoped
public class ClassifiedArticleConsumer {

    public static final String CHANNEL = "classified-articles-in";
    private static final Logger LOG = Logger.getLogger(ClassifiedArticleConsumer.class);

    private final EventStore store;
    private final EventStream stream;
    private final NotifierMetrics metrics;
    private final Dispatcher dispatcher;
    private final Duration storeRetryFor;

    public ClassifiedArticleConsumer(EventStore store, EventStream stream, NotifierMetrics metrics, NotifierConfig config,
            Dispatcher dispatcher) {
        this.store = store;
        this.stream = stream;
        this.metrics = metrics;
        this.dispatcher = dispatcher;
        this.storeRetryFor = config.storeRetryFor();
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String value) {
        ClassifiedArticle article;
        try {
            article = Json.read(value, ClassifiedArticle.class);
            String problem = StorableRecord.problem(article);
            if (problem != null) {
                throw new MalformedRecordException(problem);
            }
        } catch (MalformedRecordException e) {
            metrics.deadLettered();
            LOG.warnf("dead-lettering a classified record: %s", e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().deferred(() -> store.store(article))
                .onFailure().invoke(e -> LOG.warnf("storing article %s failed, retrying: %s", article.articleId(), e))
                .onFailure(e -> !(e instanceof MalformedRecordException)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).expireIn(storeRetryFor.toMillis())
                .invoke(stored -> {
                    metrics.articleConsumed(article.relevant());
                    stored.changes().forEach(stream::publish);
                    if (stored.alertsDue()) {
                        dispatcher.kick();
                    }
                }).replaceWithVoid();
    }
}

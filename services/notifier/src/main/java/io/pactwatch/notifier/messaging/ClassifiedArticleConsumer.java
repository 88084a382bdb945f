package io.pactwatch.notifier.messaging;

import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.MalformedRecordException;
import io.pactwatch.notifier.alerts.Dispatcher;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.StorableRecord;
import io.pactwatch.notifier.persistence.EventStore;
import io.pactwatch.notifier.persistence.EventStore.Stored;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code pactwatch.articles.classified} a poll batch (of one partition) at a time and stores the batch's
 * articles in one event-store transaction; the batch is acknowledged only after that transaction committed. A poison
 * record (unparseable, or lacking what the store requires) is dead-lettered on its own at once. If the batch's
 * transaction fails, its articles are stored one by one instead, each retried with backoff for
 * {@code pactwatch.notifier.store-retry-for} (a conflict with a concurrent replica, PostgreSQL unreachable) before it is
 * dead-lettered, so one record the store cannot take holds up nothing else. A commit that planned deliveries due now
 * kicks the dispatcher, so alerts do not wait for its next poll. A record the classifier marked irrelevant (its
 * {@code ce_relevant} header says {@code false}, about nine in ten) changes nothing here, so it is acknowledged with its
 * batch without being parsed; a record without the header is parsed and judged by its value.
 */
@ApplicationScoped
public class ClassifiedArticleConsumer {

    public static final String CHANNEL = "classified-articles-in";
    private static final Logger LOG = Logger.getLogger(ClassifiedArticleConsumer.class);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.UTF_8);

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

    /** A record of the batch with its parsed article. */
    private record Parsed(KafkaRecord<String, String> record, ClassifiedArticle article) {
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Parsed> storable = new ArrayList<>();
        List<Uni<Void>> deadLettered = new ArrayList<>();
        int passedOver = 0;
        for (KafkaRecord<String, String> record : batch) {
            if (markedIrrelevant(record)) {
                passedOver++;
                continue;
            }
            try {
                storable.add(new Parsed(record, parse(record.getPayload())));
            } catch (MalformedRecordException e) {
                metrics.deadLettered();
                LOG.warnf("dead-lettering a classified record: %s", e.getMessage());
                deadLettered.add(Uni.createFrom().completionStage(() -> record.nack(e)));
            }
        }
        Uni<Void> poison = deadLettered.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(deadLettered).andFailFast().replaceWithVoid();
        // a dead-letter write that failed fails the batch: it is not committed, so its records come again
        Context context = Vertx.currentContext();
        int unparsed = passedOver;
        return poison.chain(() -> storeAll(storable, unparsed, context))
                .invoke(() -> metrics.articlesConsumed(false, unparsed))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /** Whether the classifier marked the record irrelevant; only an explicit {@code false} counts. */
    static boolean markedIrrelevant(KafkaRecord<?, ?> record) {
        Header relevant = record.getHeaders().lastHeader(CloudEventTypes.RELEVANT_HEADER);
        return relevant != null && Arrays.equals(FALSE, relevant.value());
    }

    private static ClassifiedArticle parse(String value) {
        ClassifiedArticle article = Json.read(value, ClassifiedArticle.class);
        String problem = StorableRecord.problem(article);
        if (problem != null) {
            throw new MalformedRecordException(problem);
        }
        return article;
    }

    /**
     * The batch in one transaction; if that fails, one by one, so only a record the store cannot take is dead-lettered.
     * {@code passedOver} counts the batch's records acknowledged unparsed, for the batch-size metric.
     */
    private Uni<Void> storeAll(List<Parsed> parsed, int passedOver, Context context) {
        if (parsed.isEmpty()) {
            if (passedOver > 0) {
                metrics.batchStored(passedOver, false);
            }
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> store.store(parsed.stream().map(Parsed::article).toList()))
                .invoke(stored -> {
                    metrics.batchStored(parsed.size() + passedOver, parsed.stream().anyMatch(p -> p.article().relevant()));
                    stored(parsed, stored);
                }).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("storing a batch of %d articles failed, storing them one by one: %s", parsed.size(), e);
                    return Multi.createFrom().iterable(parsed).onItem().transformToUniAndConcatenate(p -> storeOne(p, context))
                            .collect().last().replaceWithVoid();
                });
    }

    /**
     * Each attempt runs on the batch's own (safe, duplicated) Vert.x context, as Hibernate Reactive requires: after a
     * backoff or a previous record's retries, the pipeline may resume on another thread or context.
     */
    private Uni<Void> storeOne(Parsed p, Context context) {
        Uni<Stored> attempt = Uni.createFrom().deferred(() -> store.store(p.article()));
        return (context == null ? attempt : attempt.runSubscriptionOn(command -> context.runOnContext(v -> command.run())))
                .onFailure().invoke(e -> LOG.warnf("storing article %s failed, retrying: %s", p.article().articleId(), e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).expireIn(storeRetryFor.toMillis())
                .invoke(stored -> stored(List.of(p), stored)).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    metrics.deadLettered();
                    LOG.errorf("dead-lettering article %s: not stored within %s: %s", p.article().articleId(), storeRetryFor, e);
                    return Uni.createFrom().completionStage(() -> p.record().nack(e));
                });
    }

    private void stored(List<Parsed> parsed, Stored stored) {
        int relevant = (int) parsed.stream().filter(p -> p.article().relevant()).count();
        metrics.articlesConsumed(true, relevant);
        metrics.articlesConsumed(false, parsed.size() - relevant);
        stored.changes().forEach(stream::publish);
        if (stored.alertsDue()) {
            dispatcher.kick();
        }
    }
}

package io.pactwatch.classifier.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.MalformedRecordException;
import io.pactwatch.contracts.RawArticle;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes raw articles a poll batch at a time, classifies them in order on a worker thread and publishes every
 * verdict. The batch is acknowledged (its offsets committed) only once the broker acknowledged every classified
 * record of it and every poison record reached {@code pactwatch.articles.raw.dlq} (a nacked record goes there by the
 * connector's dead-letter strategy while the partition moves on). The whole batch is classified before any of it is
 * sent, and sent before waiting: with the producer's linger at zero, records sent one by one between classifications
 * each left in a produce request of their own; sent together they share a few. The idempotent producer keeps each
 * partition's order, so an article's revisions stay in order.
 */
@ApplicationScoped
public class RawArticleConsumer {

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    private final ArticleClassification classification;
    private final Emitter<String> out;
    private final MeterRegistry meters;

    public RawArticleConsumer(ArticleClassification classification,
            @Channel(Channels.CLASSIFIED_OUT) Emitter<String> out, MeterRegistry meters) {
        this.classification = classification;
        this.out = out;
        this.meters = meters;
    }

    @Incoming(Channels.RAW_ARTICLES_IN)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<CompletableFuture<Void>> settled = new ArrayList<>(batch.getRecords().size());
        List<Message<String>> classified = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> in : batch) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            settled.add(done);
            Message<String> out = classify(in, done);
            if (out != null) {
                classified.add(out);
            }
        }
        classified.forEach(out::send);
        // a dead-letter write that failed fails the batch: it is not committed, so its records come again
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new)).thenCompose(v -> batch.ack());
    }

    /**
     * The classified record of one raw record, which completes {@code settled} once the broker acknowledged it; or
     * null when the raw record was dead-lettered instead ({@code settled} completes when that write is done).
     */
    private Message<String> classify(KafkaRecord<String, String> in, CompletableFuture<Void> settled) {
        RawArticle raw;
        ClassifiedArticle classified;
        try {
            raw = ArticleClassification.validate(Json.read(in.getPayload(), RawArticle.class));
        } catch (MalformedRecordException e) {
            LOG.warnf("dead-lettering a poison raw record: %s", e.getMessage());
            return deadLetter(in, e, settled);
        }
        try {
            classified = classification.classify(raw);
        } catch (RuntimeException e) {
            LOG.errorf(e, "dead-lettering raw article %s: classification failed", raw.articleId());
            return deadLetter(in, e, settled);
        }
        return Message.of(Json.write(classified), Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(raw.articleId()).build(),
                OutgoingCloudEventMetadata.builder()
                        .withId(raw.articleId() + "/" + raw.revision() + "/" + classified.classifierVersion())
                        .withType(CloudEventTypes.CLASSIFIED_ARTICLE)
                        .withSource(URI.create(CloudEventTypes.SOURCE_CLASSIFIER))
                        .withTimestamp(classified.classifiedAt().atZone(ZoneOffset.UTC))
                        .withExtension(CloudEventTypes.RELEVANT_EXTENSION, classified.relevant())
                        .build()),
                () -> {
                    settled.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    LOG.errorf(failure, "dead-lettering raw article %s: publishing failed", raw.articleId());
                    return in.nack(failure).whenComplete((v, t) -> settled.complete(null));
                });
    }

    private Message<String> deadLetter(KafkaRecord<String, String> in, Exception reason, CompletableFuture<Void> settled) {
        meters.counter("pactwatch.classifier.dead.letters").increment();
        in.nack(reason).whenComplete((v, t) -> {
            if (t == null) {
                settled.complete(null);
            } else {
                settled.completeExceptionally(t);
            }
        });
        return null;
    }
}

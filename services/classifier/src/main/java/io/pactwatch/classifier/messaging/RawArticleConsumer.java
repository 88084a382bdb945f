package io.pactwatch.classifier.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.MalformedRecordException;
import io.pactwatch.contracts.RawArticle;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes raw articles, classifies them on a worker thread and publishes every verdict. The raw record is
 * acknowledged only once the broker acknowledged the classified record; a poison record is nacked, which the
 * connector's dead-letter strategy sends to {@code pactwatch.articles.raw.dlq} while the partition moves on.
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
    public CompletionStage<Void> consume(Message<String> in) {
        RawArticle raw;
        try {
            raw = ArticleClassification.validate(Json.read(in.getPayload(), RawArticle.class));
        } catch (MalformedRecordException e) {
            LOG.warnf("dead-lettering a poison raw record: %s", e.getMessage());
            meters.counter("pactwatch.classifier.dead.letters").increment();
            return in.nack(e);
        }
        ClassifiedArticle classified;
        try {
            classified = classification.classify(raw);
        } catch (RuntimeException e) {
            LOG.errorf(e, "dead-lettering raw article %s: classification failed", raw.articleId());
            meters.counter("pactwatch.classifier.dead.letters").increment();
            return in.nack(e);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        Message<String> record = Message.of(Json.write(classified), Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(raw.articleId()).build(),
                OutgoingCloudEventMetadata.builder()
                        .withId(raw.articleId() + "/" + raw.revision() + "/" + classified.classifierVersion())
                        .withType(CloudEventTypes.CLASSIFIED_ARTICLE)
                        .withSource(URI.create(CloudEventTypes.SOURCE_CLASSIFIER))
                        .withTimestamp(classified.classifiedAt().atZone(ZoneOffset.UTC))
                        .build()),
                () -> in.ack().whenComplete((v, t) -> settle(settled, t)),
                failure -> in.nack(failure).whenComplete((v, t) -> settle(settled, failure)));
        out.send(record);
        return settled;
    }

    private static void settle(CompletableFuture<Void> settled, Throwable failure) {
        if (failure == null) {
            settled.complete(null);
        } else {
            settled.completeExceptionally(failure);
        }
    }
}

package io.pactwatch.poller.messaging;

import io.pactwatch.contracts.CloudEventTypes;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.RawArticle;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes raw articles to {@code pactwatch.articles.raw}, keyed by article id, with CloudEvents headers. The
 * returned Uni completes only when the broker acknowledged the record, so callers mark an item seen after that.
 */
@ApplicationScoped
public class RawArticlePublisher {

    public static final String CHANNEL = "raw-articles-out";

    private final MutinyEmitter<String> emitter;

    public RawArticlePublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(RawArticle article) {
        Message<String> message = Message.of(Json.write(article))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.articleId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(article.articleId() + "#" + article.revision())
                        .withType(CloudEventTypes.RAW_ARTICLE)
                        .withSource(URI.create(CloudEventTypes.SOURCE_FEED_POLLER))
                        .withTimestamp(article.fetchedAt().atZone(ZoneOffset.UTC))
                        .build());
        return emitter.sendMessage(message);
    }
}

package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.notifier.domain.SignedTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Posts the event as JSON to any https endpoint, signed with HMAC-SHA256 over the body in
 * {@code X-Pactwatch-Signature: sha256=<hex>} under the subscription's webhook secret.
 */
@ApplicationScoped
public class WebhookSender implements AlertSender {

    private final HttpPoster http;
    private final WebhookSecrets secrets;

    public WebhookSender(HttpPoster http, WebhookSecrets secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    @Override
    public String channel() {
        return "webhook";
    }

    @Override
    public Uni<SendResult> send(long subscriptionId, String target, AgreementEvent event) {
        String body = Json.write(event);
        return http.postJson(target, body, Map.of("X-Pactwatch-Signature",
                SignedTokens.webhookSignature(secrets.secretOf(subscriptionId), body),
                "X-Pactwatch-Event-Id", event.eventId()));
    }
}

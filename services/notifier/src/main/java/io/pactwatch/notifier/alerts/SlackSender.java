package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.notifier.domain.SlackMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Sends Block Kit messages to Slack incoming webhooks. */
@ApplicationScoped
public class SlackSender implements AlertSender {

    private final HttpPoster http;

    public SlackSender(HttpPoster http) {
        this.http = http;
    }

    @Override
    public String channel() {
        return "slack";
    }

    @Override
    public Uni<SendResult> send(long subscriptionId, String target, AgreementEvent event) {
        return http.postJson(target, Json.write(SlackMessage.of(event)), Map.of());
    }
}

package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.SignedTokens;
import jakarta.enterprise.context.ApplicationScoped;

/** Derives each webhook subscription's signing secret from the notifier's secret, so none is stored. */
@ApplicationScoped
public class WebhookSecrets {

    private final SignedTokens tokens;

    public WebhookSecrets(NotifierConfig config) {
        this.tokens = new SignedTokens(config.signingSecret());
    }

    public String secretOf(long subscriptionId) {
        return tokens.token("webhook", subscriptionId);
    }
}

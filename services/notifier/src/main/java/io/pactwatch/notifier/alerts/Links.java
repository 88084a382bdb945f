package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.SignedTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Signed, login-free confirmation and unsubscribe links under the notifier's public URL. */
@ApplicationScoped
public class Links {

    public static final String CONFIRM = "confirm";
    public static final String UNSUBSCRIBE = "unsubscribe";

    private final String base;
    private final SignedTokens tokens;

    public Links(NotifierConfig config) {
        this.base = config.publicUrl().replaceAll("/+$", "");
        this.tokens = new SignedTokens(config.signingSecret());
    }

    public String confirm(long subscriptionId) {
        return base + "/subscriptions/confirm?token=" + enc(tokens.token(CONFIRM, subscriptionId));
    }

    public String unsubscribe(long subscriptionId) {
        return base + "/subscriptions/unsubscribe?token=" + enc(tokens.token(UNSUBSCRIBE, subscriptionId));
    }

    public Long verify(String purpose, String token) {
        return tokens.verify(purpose, token);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.UrlRedaction;
import io.pactwatch.notifier.config.NotifierConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/**
 * Posts JSON to webhooks (Slack and generic) with a non-blocking client and classifies the answer: 2xx sent,
 * 429 and 5xx and network errors retried (honouring Retry-After), 404/410 and other 4xx permanent. The URL is a
 * credential: error texts (stored, shown as failure reasons, logged) never carry its path or query.
 */
@ApplicationScoped
public class HttpPoster {

    private final WebClient client;
    private final long timeoutMillis;

    public HttpPoster(Vertx vertx, NotifierConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) config.slack().timeout().toMillis()));
        this.timeoutMillis = config.slack().timeout().toMillis();
    }

    public Uni<SendResult> postJson(String url, String body, Map<String, String> headers) {
        MultiMap extra = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(extra::add);
        return client.postAbs(url).putHeaders(extra).putHeader("Content-Type", "application/json")
                .timeout(timeoutMillis).sendBuffer(Buffer.buffer(body))
                .map(resp -> classify(resp.statusCode(), resp.getHeader("Retry-After"), resp.bodyAsString()))
                .onFailure().recoverWithItem(e -> SendResult.retry("network: " + UrlRedaction.secretPathHiddenIn(String.valueOf(e.getMessage()), url), null));
    }

    static SendResult classify(int status, String retryAfter, String body) {
        if (status >= 200 && status < 300) {
            return SendResult.sent();
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (status == 429 || status >= 500) {
            return SendResult.retry(error, parseRetryAfter(retryAfter));
        }
        return SendResult.permanent(error);
    }

    static Duration parseRetryAfter(String header) {
        return header != null && header.trim().matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(header.trim())) : null;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

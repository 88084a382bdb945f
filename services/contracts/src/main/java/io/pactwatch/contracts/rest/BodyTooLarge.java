package io.pactwatch.contracts.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused by Quarkus before any resource
 * runs, with a bare 413; this handler, placed before that check, refuses it the same way (unread, connection closed)
 * but in the API's error shape ({@code {"errors":[…]}}) like every other 4xx. Lives here so every service's API
 * (classifier, notifier, poller) answers alike; a chunked body (no Content-Length) is still cut off by Quarkus itself.
 */
@ApplicationScoped
public class BodyTooLarge {

    private final long limitBytes;
    private final String limit;

    public BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") String spelled) {
        this.limitBytes = limit.asLongValue();
        this.limit = spelled;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limitBytes) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"errors\":[\"the body is larger than the limit of " + limit + " (" + limitBytes + " bytes)\"]}");
                return;
            }
            ctx.next();
        });
    }
}

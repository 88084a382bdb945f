package io.pactwatch.contracts.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused by Quarkus before any resource
 * runs, with a bare 413; this handler, placed before that check, refuses it the same way (unread, connection closed)
 * but in the API's error shape ({@code {"errors":[…]}}) like every other 4xx. A chunked body (no Content-Length, its
 * size known only as it arrives) is read here up to the limit, and refused the same way once it passes it; within
 * it, the resource gets it as read. Lives here so every service's API (classifier, notifier, poller) answers alike.
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
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(limitBytes);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limitBytes) {
                refuse(ctx);
            } else if (declared == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
                chunkedBodies.handle(ctx); // reads it up to the limit: on, or fails with 413 (below)
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void refuse(RoutingContext ctx) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"errors\":[\"the body is larger than the limit of " + limit + " (" + limitBytes + " bytes)\"]}");
    }
}

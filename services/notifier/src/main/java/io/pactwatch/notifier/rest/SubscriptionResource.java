package io.pactwatch.notifier.rest;

import io.pactwatch.notifier.alerts.Subscriptions;
import io.pactwatch.notifier.alerts.WebhookSecrets;
import io.pactwatch.notifier.config.NotifierConfig;
import io.pactwatch.notifier.domain.SubscriptionRequest;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Manage alert subscriptions (admin token): create, list, read, change filters, delete. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final WebhookSecrets secrets;
    private final List<String> allowedHosts;

    public SubscriptionResource(Subscriptions subscriptions, WebhookSecrets secrets, NotifierConfig config) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.allowedHosts = config.slack().allowedHosts().orElse(List.of());
    }

    @POST
    public Uni<Response> create(SubscriptionRequest request) {
        Response invalid = validate(request);
        if (invalid != null) {
            return Uni.createFrom().item(invalid);
        }
        return subscriptions.create(request).map(s -> Response.created(URI.create("/api/subscriptions/" + s.id))
                .entity(SubscriptionView.of(s, "webhook".equals(s.channel) ? secrets.secretOf(s.id) : null)).build());
    }

    @GET
    public Uni<List<SubscriptionView>> list() {
        return Panache.withSession(() -> SubscriptionEntity.<SubscriptionEntity>listAll(Sort.by("id")))
                .map(all -> all.stream().map(s -> SubscriptionView.of(s, null)).toList());
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") long id) {
        return Panache.withSession(() -> SubscriptionEntity.<SubscriptionEntity>findById(id))
                .map(s -> s == null ? notFound(id) : Response.ok(SubscriptionView.of(s, null)).build());
    }

    /** Replaces the filters (channel and target stay); a failing subscription becomes active again. */
    @PUT
    @Path("{id}")
    public Uni<Response> update(@PathParam("id") long id, SubscriptionRequest request) {
        return Panache.withTransaction(() -> SubscriptionEntity.<SubscriptionEntity>findById(id).map(s -> {
            if (s == null) {
                return notFound(id);
            }
            SubscriptionRequest merged = new SubscriptionRequest(s.channel, s.target, request == null ? null : request.eventTypes(),
                    request == null ? null : request.trackers(), request == null ? null : request.counterparts(),
                    request == null ? null : request.minCorroboration());
            Response invalid = validate(merged);
            if (invalid != null) {
                return invalid;
            }
            Subscriptions.apply(s, merged);
            if (SubscriptionEntity.FAILING.equals(s.status)) {
                s.status = SubscriptionEntity.ACTIVE;
                s.failureReason = null;
            }
            s.updatedAt = Instant.now();
            return Response.ok(SubscriptionView.of(s, null)).build();
        }));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return Panache.withTransaction(() -> SubscriptionEntity.deleteById(id))
                .map(deleted -> deleted ? Response.noContent().build() : notFound(id));
    }

    private Response validate(SubscriptionRequest request) {
        if (request == null) {
            return Response.status(400).entity(Map.of("errors", List.of("a JSON body is required"))).build();
        }
        List<String> problems = request.problems(allowedHosts);
        return problems.isEmpty() ? null : Response.status(422).entity(Map.of("errors", problems)).build();
    }

    private static Response notFound(long id) {
        return Response.status(404).entity(Map.of("error", "no subscription " + id)).build();
    }
}

package io.pactwatch.poller.rest;

import io.pactwatch.contracts.UrlRedaction;
import io.pactwatch.poller.config.PollerConfig;
import io.pactwatch.poller.domain.FeedDefinition;
import io.pactwatch.poller.fetch.FeedFetcher;
import io.pactwatch.poller.fetch.FetchException;
import io.pactwatch.poller.persistence.DuplicateFeedException;
import io.pactwatch.poller.persistence.FeedRepository;
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
import java.util.List;
import java.util.Map;

/** The feed registry API: list, read (with health), add, change and remove feeds. Admin token required. */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedRepository feeds;
    private final FeedFetcher fetcher;
    private final PollerConfig config;

    public FeedResource(FeedRepository feeds, FeedFetcher fetcher, PollerConfig config) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.config = config;
    }

    @GET
    public Uni<List<FeedView>> list() {
        return feeds.list().map(rows -> rows.stream().map(r -> FeedView.of(r, config.failingThreshold())).toList());
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") long id) {
        return feeds.find(id).map(row -> row == null ? notFound(id)
                : Response.ok(FeedView.of(row, config.failingThreshold())).build());
    }

    @POST
    public Uni<Response> create(FeedDefinition definition) {
        return validated(definition).chain(problem -> problem != null ? Uni.createFrom().item(problem)
                : feeds.insert(definition, "api").map(row -> Response.created(URI.create("/api/feeds/" + row.id()))
                        .entity(FeedView.of(row, config.failingThreshold())).build())
                        .onFailure(DuplicateFeedException.class).recoverWithItem(FeedResource::conflict));
    }

    @PUT
    @Path("{id}")
    public Uni<Response> update(@PathParam("id") long id, FeedDefinition definition) {
        return validated(definition).chain(problem -> problem != null ? Uni.createFrom().item(problem)
                : feeds.update(id, definition).map(row -> row == null ? notFound(id)
                        : Response.ok(FeedView.of(row, config.failingThreshold())).build())
                        .onFailure(DuplicateFeedException.class).recoverWithItem(FeedResource::conflict));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return feeds.delete(id).map(deleted -> deleted ? Response.noContent().build() : notFound(id));
    }

    /** Null when acceptable; else a 400 (no body) or 422 naming every problem, SSRF refusals included. */
    private Uni<Response> validated(FeedDefinition definition) {
        if (definition == null) {
            return Uni.createFrom().item(Response.status(400).entity(Map.of("errors", List.of("a JSON body is required"))).build());
        }
        List<String> problems = definition.problems(config.minIntervalSeconds());
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Response.status(422).entity(Map.of("errors", problems)).build());
        }
        return fetcher.checkAddress(URI.create(definition.url().trim())).replaceWith((Response) null)
                .onFailure(FetchException.class).recoverWithItem(e -> Response.status(422)
                        .entity(Map.of("errors", List.of(UrlRedaction.passwordHiddenIn("url " + e.getMessage(), definition.url())))).build());
    }

    private static Response conflict(Throwable e) {
        return Response.status(409).entity(Map.of("errors", List.of(e.getMessage()))).build();
    }

    private static Response notFound(long id) {
        return Response.status(404).entity(Map.of("error", "no feed " + id)).build();
    }
}

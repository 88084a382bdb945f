package io.pactwatch.notifier.rest;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventType;
import io.pactwatch.notifier.messaging.EventStream;
import io.pactwatch.notifier.persistence.AgreementEventEntity;
import io.pactwatch.notifier.persistence.EventViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Read API of the event store: events with filters and paging, one event with its sources, and a live SSE stream. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventStream stream;

    public EventResource(EventStream stream) {
        this.stream = stream;
    }

    /** A page of events, newest first. */
    public record EventPage(int page, int size, long total, List<AgreementEvent> items) {
    }

    @GET
    public Uni<Response> list(@QueryParam("tracker") String tracker, @QueryParam("counterpart") String counterpart,
            @QueryParam("type") EventType type, @QueryParam("since") String since,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (tracker != null) {
            query.append(" and trackerId = :tracker");
            params.put("tracker", tracker);
        }
        if (counterpart != null) {
            query.append(" and counterpart = :counterpart");
            params.put("counterpart", counterpart.toUpperCase());
        }
        if (type != null) {
            query.append(" and type = :type");
            params.put("type", type);
        }
        if (since != null) {
            try {
                params.put("since", Instant.parse(since));
                query.append(" and updatedAt >= :since");
            } catch (DateTimeParseException e) {
                return Uni.createFrom().item(Response.status(400)
                        .entity(Map.of("error", "since must be an ISO-8601 instant, e.g. 2024-06-01T00:00:00Z")).build());
            }
        }
        int pageSize = Math.max(1, Math.min(size, 500));
        return Panache.withSession(() -> {
            var found = AgreementEventEntity.<AgreementEventEntity>find(query.toString(),
                    Sort.by("eventDate").descending().and("createdAt").descending(), params);
            return found.count().chain(total -> found.page(Page.of(Math.max(page, 0), pageSize)).list()
                    .chain(EventResource::withSources).map(items -> Response.ok(new EventPage(page, pageSize, total, items)).build()));
        });
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return Panache.withSession(() -> AgreementEventEntity.<AgreementEventEntity>findById(id)
                .chain(e -> e == null ? Uni.createFrom().item(Response.status(404).entity(Map.of("error", "no event " + id)).build())
                        : EventViews.load(e, ChangeKind.UPDATED).map(v -> Response.ok(v).build())));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<AgreementEvent> stream() {
        return stream.events();
    }

    static Uni<List<AgreementEvent>> withSources(List<AgreementEventEntity> events) {
        return EventViews.earliestSources(events.stream().map(e -> e.id).toList()).map(byEvent -> events.stream()
                .map(e -> EventViews.of(e, ChangeKind.UPDATED, byEvent.getOrDefault(e.id, List.of()))).toList());
    }
}

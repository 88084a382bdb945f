package io.pactwatch.notifier.rest.web;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventSource;
import io.pactwatch.notifier.domain.dashboard.EventLabels;
import io.pactwatch.notifier.domain.dashboard.TimelineFilter;
import io.pactwatch.notifier.persistence.AgreementEventEntity;
import io.pactwatch.notifier.persistence.DashboardReads;
import io.pactwatch.notifier.persistence.EventViews;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The dashboard's timeline page (server-rendered, complete without JavaScript), the fragment the page's script
 * swaps in when the SSE stream reports a change, and one page per event with its evidence quotes and sources.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private final DashboardReads reads;

    public DashboardResource(DashboardReads reads) {
        this.reads = reads;
    }

    /** One source on the event page; {@code link} is null unless the URL is http(s), so a feed cannot plant a script link. */
    public record SourceLine(String evidence, String title, String feedName, String link, String published) {

        static SourceLine of(EventSource s) {
            String url = s.url() == null ? "" : s.url().trim();
            boolean web = url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7);
            return new SourceLine(s.evidence() == null ? "(no sentence stored)" : s.evidence(),
                    s.title() == null || s.title().isBlank() ? url : s.title(), s.feedName() == null ? "" : s.feedName(),
                    web ? url : null, s.publishedAt() == null ? "" : s.publishedAt().toString().substring(0, 10));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view);

        static native TemplateInstance dashboard$live(DashboardView view);

        static native TemplateInstance event(AgreementEvent event, String label, String day, String counterpart,
                List<SourceLine> sources);

        static native TemplateInstance missing(String what);
    }

    @GET
    public Uni<TemplateInstance> page(@QueryParam("tracker") String tracker, @QueryParam("counterpart") String counterpart,
            @QueryParam("type") List<String> types) {
        TimelineFilter filter = TimelineFilter.of(tracker, counterpart, types);
        return reads.events().map(all -> Templates.dashboard(DashboardView.of(all, filter)));
    }

    @GET
    @Path("fragments/live")
    public Uni<TemplateInstance> live(@QueryParam("tracker") String tracker, @QueryParam("counterpart") String counterpart,
            @QueryParam("type") List<String> types) {
        TimelineFilter filter = TimelineFilter.of(tracker, counterpart, types);
        return reads.events().map(all -> Templates.dashboard$live(DashboardView.of(all, filter)));
    }

    @GET
    @Path("events/{id}")
    public Uni<Response> event(@PathParam("id") String id) {
        return Panache.withSession(() -> AgreementEventEntity.<AgreementEventEntity>findById(id)
                .chain(e -> e == null ? Uni.createFrom().item((AgreementEvent) null) : EventViews.load(e, ChangeKind.UPDATED)))
                .map(e -> e == null
                        ? Response.status(404).entity(Templates.missing("There is no event " + id + ".").render()).build()
                        : Response.ok(Templates.event(e, EventLabels.label(e.type(), e.round()), EventLabels.day(e.date()),
                                e.counterpartName() == null ? e.counterpart() : e.counterpartName(),
                                e.sources().stream().map(SourceLine::of).toList()).render()).build());
    }
}

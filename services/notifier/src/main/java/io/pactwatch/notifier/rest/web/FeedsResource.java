package io.pactwatch.notifier.rest.web;

import io.pactwatch.notifier.domain.dashboard.FeedHealth;
import io.pactwatch.contracts.UrlRedaction;
import io.pactwatch.notifier.domain.dashboard.PollerFeed;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The feeds page: each feed's health as the feed-poller reports it, or a clear "poller unreachable" notice. */
@Path("/feeds")
@Produces(MediaType.TEXT_HTML)
public class FeedsResource {

    private final PollerClient poller;

    public FeedsResource(PollerClient poller) {
        this.poller = poller;
    }

    /** One feed with its health in words. */
    public record FeedLine(PollerFeed feed, FeedHealth health) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feeds(List<FeedLine> feeds, String problem, String pollerUrl, int failing);
    }

    @GET
    public Uni<TemplateInstance> page() {
        return poller.feeds().map(answer -> {
            Instant now = Instant.now();
            List<FeedLine> lines = answer.feeds().stream()
                    .sorted(Comparator.comparing(PollerFeed::name, String.CASE_INSENSITIVE_ORDER))
                    .map(f -> new FeedLine(f, FeedHealth.of(f, now))).toList();
            int failing = (int) lines.stream().filter(l -> l.feed().failing()).count();
            return Templates.feeds(lines, answer.problem(), UrlRedaction.passwordsHidden(poller.baseUrl()), failing);
        });
    }
}

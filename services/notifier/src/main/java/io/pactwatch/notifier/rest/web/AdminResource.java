package io.pactwatch.notifier.rest.web;

import io.pactwatch.notifier.config.DashboardConfig;
import io.pactwatch.notifier.domain.dashboard.AdminSession;
import io.pactwatch.notifier.domain.dashboard.TargetMask;
import io.pactwatch.notifier.persistence.DashboardReads;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The admins' subscriptions page. Signing in posts the admin token once; the answer is an HttpOnly, SameSite=Strict
 * cookie scoped to {@code /admin} that holds an expiring HMAC of the token (see {@link AdminSession}), never the token,
 * so no script on the page can read a credential.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    static final String COOKIE = "pactwatch_admin";

    private final DashboardReads reads;
    private final Optional<String> token;
    private final DashboardConfig config;

    public AdminResource(DashboardReads reads, DashboardConfig config,
            @ConfigProperty(name = "pactwatch.admin-token") Optional<String> token) {
        this.reads = reads;
        this.config = config;
        this.token = token.filter(t -> !t.isBlank());
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, boolean configured);

        static native TemplateInstance subscriptions(List<SubscriptionLine> subscriptions);
    }

    /** A subscription as the page lists it; an empty filter reads "all". */
    public record SubscriptionLine(long id, String channel, String target, String eventTypes, String trackers,
            String counterparts, int minCorroboration, String status, String failureReason, String created) {

        static SubscriptionLine of(SubscriptionEntity s) {
            return new SubscriptionLine(s.id, s.channel, TargetMask.show(s.channel, s.target), all(s.eventTypes),
                    all(s.trackers), all(s.counterparts), s.minCorroboration, s.status,
                    s.failureReason == null ? "" : s.failureReason,
                    s.createdAt == null ? "" : s.createdAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
        }

        private static String all(String[] values) {
            return values == null || values.length == 0 ? "all" : String.join(", ", values);
        }
    }

    @GET
    public Response root() {
        return see("/admin/subscriptions");
    }

    @GET
    @Path("login")
    public TemplateInstance loginPage() {
        return Templates.login(null, token.isPresent());
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm("token") String typed, @Context UriInfo uri) {
        if (token.isEmpty() || !AdminSession.tokenMatches(typed, token.get())) {
            return Response.status(401).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .entity(Templates.login(token.isEmpty() ? null : "That token is not the admin token.", token.isPresent())
                            .render()).build();
        }
        String session = AdminSession.issue(token.get(), Instant.now(), config.adminSession());
        return Response.seeOther(URI.create("/admin/subscriptions"))
                .cookie(cookie(session, (int) config.adminSession().toSeconds(), "https".equals(uri.getBaseUri().getScheme())))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/admin/login"))
                .cookie(cookie("", 0, "https".equals(uri.getBaseUri().getScheme()))).build();
    }

    @GET
    @Path("subscriptions")
    public Uni<Response> subscriptions(@CookieParam(COOKIE) String session) {
        if (token.isEmpty() || !AdminSession.valid(session, token.get(), Instant.now())) {
            return Uni.createFrom().item(see("/admin/login"));
        }
        return reads.subscriptions().map(all -> Response.ok(Templates.subscriptions(
                all.stream().map(SubscriptionLine::of).toList()).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).header("Cache-Control", "no-store").build());
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/admin").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static Response see(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}

package io.pactwatch.notifier.rest;

import io.pactwatch.notifier.alerts.Links;
import io.pactwatch.notifier.alerts.Subscriptions;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The signed links in mails, usable without login and answered directly (never a redirect): confirming an email
 * subscription, and RFC 8058 one-click unsubscribe (POST; a GET shows a page with the button).
 */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionLinksResource {

    private final Links links;
    private final Subscriptions subscriptions;

    public SubscriptionLinksResource(Links links, Subscriptions subscriptions) {
        this.links = links;
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("confirm")
    public Uni<Response> confirm(@QueryParam("token") String token) {
        Long id = links.verify(Links.CONFIRM, token);
        if (id == null) {
            return Uni.createFrom().item(page(403, "This confirmation link is not valid."));
        }
        return subscriptions.transition(id, SubscriptionEntity.ACTIVE, SubscriptionEntity.PENDING_CONFIRMATION,
                SubscriptionEntity.ACTIVE).map(s -> s == null ? page(404, "This subscription no longer exists.")
                        : page(200, "Subscription confirmed: alerts will be emailed to " + esc(s.target) + "."));
    }

    @POST
    @Path("confirm")
    public Uni<Response> confirmPost(@QueryParam("token") String token) {
        return confirm(token);
    }

    @GET
    @Path("unsubscribe")
    public Response unsubscribePage(@QueryParam("token") String token) {
        if (links.verify(Links.UNSUBSCRIBE, token) == null) {
            return page(403, "This unsubscribe link is not valid.");
        }
        return page(200, "<form method=\"post\"><button type=\"submit\">Unsubscribe from pactwatch alerts</button></form>")
                ;
    }

    @POST
    @Path("unsubscribe")
    public Uni<Response> unsubscribe(@QueryParam("token") String token) {
        Long id = links.verify(Links.UNSUBSCRIBE, token);
        if (id == null) {
            return Uni.createFrom().item(page(403, "This unsubscribe link is not valid."));
        }
        return subscriptions.transition(id, SubscriptionEntity.UNSUBSCRIBED, SubscriptionEntity.ACTIVE,
                SubscriptionEntity.FAILING, SubscriptionEntity.PENDING_CONFIRMATION, SubscriptionEntity.UNSUBSCRIBED)
                .map(s -> s == null ? page(404, "This subscription no longer exists.")
                        : page(200, "You are unsubscribed. No more alerts will be sent to " + esc(s.target) + "."));
    }

    private static Response page(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>pactwatch</title></head><body><p>"
                        + body + "</p></body></html>").build();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package io.pactwatch.notifier.alerts;

import io.pactwatch.notifier.domain.SubscriptionRequest;
import io.pactwatch.notifier.persistence.SubscriptionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Subscription lifecycle: create (email starts pending and gets a confirmation mail with a signed link), confirm,
 * change filters, unsubscribe, delete.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    private final ReactiveMailer mailer;
    private final Links links;

    public Subscriptions(ReactiveMailer mailer, Links links) {
        this.mailer = mailer;
        this.links = links;
    }

    public Uni<SubscriptionEntity> create(SubscriptionRequest request) {
        Instant now = Instant.now();
        SubscriptionEntity s = new SubscriptionEntity();
        s.channel = request.channel();
        s.target = request.target().trim();
        apply(s, request);
        s.status = "email".equals(s.channel) ? SubscriptionEntity.PENDING_CONFIRMATION : SubscriptionEntity.ACTIVE;
        s.nextSendAt = now;
        s.createdAt = now;
        s.updatedAt = now;
        return Panache.withTransaction(s::persist).replaceWith(s).call(saved -> "email".equals(saved.channel)
                ? sendConfirmation(saved) : Uni.createFrom().voidItem());
    }

    public static void apply(SubscriptionEntity s, SubscriptionRequest request) {
        s.eventTypes = request.typesOrDefault().stream().map(Enum::name).toArray(String[]::new);
        s.trackers = request.trackers() == null ? new String[0] : request.trackers().toArray(String[]::new);
        s.counterparts = request.counterparts() == null ? new String[0] : request.counterparts().toArray(String[]::new);
        s.minCorroboration = request.minCorroboration() == null ? 1 : request.minCorroboration();
    }

    private Uni<Void> sendConfirmation(SubscriptionEntity s) {
        String link = links.confirm(s.id);
        Mail mail = Mail.withText(s.target, "[pactwatch] Confirm your alert subscription",
                "Someone (hopefully you) asked pactwatch to email agreement alerts to this address.\n\n"
                        + "Confirm here: " + link + "\n\nNo alerts are sent until you confirm. Ignore this mail to decline.\n")
                .setHtml("<p>Someone (hopefully you) asked pactwatch to email agreement alerts to this address.</p>"
                        + "<p><a href=\"" + link + "\">Confirm the subscription</a></p>"
                        + "<p>No alerts are sent until you confirm. Ignore this mail to decline.</p>");
        return mailer.send(mail).onFailure().invoke(e -> LOG.warnf("confirmation mail to subscription %d failed: %s",
                s.id, e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Moves a subscription from one status to another if it is in one of {@code from}; returns it or null. */
    public Uni<SubscriptionEntity> transition(long id, String to, String... from) {
        return Panache.withTransaction(() -> SubscriptionEntity.<SubscriptionEntity>findById(id).invoke(s -> {
            if (s != null && java.util.List.of(from).contains(s.status)) {
                s.status = to;
                s.updatedAt = Instant.now();
                if (SubscriptionEntity.ACTIVE.equals(to) && s.confirmedAt == null) {
                    s.confirmedAt = Instant.now();
                }
            }
        }));
    }
}

package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.notifier.domain.AlertText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The console channel: one log line per alert, starting with {@code ALERT}, for the local demo. */
@ApplicationScoped
public class ConsoleSender implements AlertSender {

    private static final Logger LOG = Logger.getLogger("pactwatch.alerts");

    @Override
    public String channel() {
        return "console";
    }

    @Override
    public Uni<SendResult> send(long subscriptionId, String target, AgreementEvent event) {
        LOG.infof("ALERT %s %s | %s | %s | round %s | %s | evidence: \"%s\" | event %s",
                AlertText.flag(event.counterpart()), AlertText.headline(event), AlertText.typeLabel(event),
                AlertText.date(event), AlertText.roundLabel(event), AlertText.corroboration(event),
                AlertText.evidence(event), event.eventId());
        return Uni.createFrom().item(SendResult.sent());
    }
}

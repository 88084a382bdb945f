package io.pactwatch.notifier.alerts;

import io.pactwatch.contracts.AgreementEvent;
import io.smallrye.mutiny.Uni;

/** One alert channel. Implementations never fail the Uni: every problem is a {@link SendResult}. */
public interface AlertSender {

    String channel();

    Uni<SendResult> send(long subscriptionId, String target, AgreementEvent event);
}

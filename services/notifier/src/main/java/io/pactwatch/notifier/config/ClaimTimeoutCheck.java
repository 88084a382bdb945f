package io.pactwatch.notifier.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start when a claimed delivery could be taken again while its first send is still waiting for an answer:
 * with {@code dispatch.claim-timeout} under twice {@code slack.timeout}, a slow webhook could get the alert twice.
 */
@ApplicationScoped
public class ClaimTimeoutCheck {

    void check(@Observes StartupEvent start, NotifierConfig config) {
        String problem = problem(config);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    static String problem(NotifierConfig config) {
        var claim = config.dispatch().claimTimeout();
        var send = config.slack().timeout();
        if (claim.compareTo(send.multipliedBy(2)) < 0) {
            return "pactwatch.notifier.dispatch.claim-timeout (" + claim + ") must be at least twice"
                    + " pactwatch.notifier.slack.timeout (" + send + "): a send still waiting for its answer would"
                    + " otherwise be claimed and sent again";
        }
        return null;
    }
}

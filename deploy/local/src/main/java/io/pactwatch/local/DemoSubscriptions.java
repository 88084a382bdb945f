package io.pactwatch.local;

import io.pactwatch.contracts.EventType;
import java.util.List;

/**
 * Subscribes the demo's alert channels through the notifier API before the timeline plays (a subscription only
 * receives events created after it): the Slack stand-in for every event type, and demo@pactwatch.local at the mail
 * catcher for the default types (rounds and signings), confirmed through its confirmation mail.
 */
final class DemoSubscriptions {

    static final String DEMO_ADDRESS = "demo@pactwatch.local";

    private final DemoClient client;

    DemoSubscriptions(Pipeline pipeline) {
        this.client = new DemoClient(pipeline);
    }

    void subscribe() {
        client.subscribeSlack("demo", List.of(EventType.values()));
        client.subscribeConfirmedEmail(DEMO_ADDRESS, List.of(EventType.ROUND, EventType.SIGNED));
    }
}

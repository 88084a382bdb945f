package io.pactwatch.local;

/**
 * Subscribes the demo's alert channels through the notifier API before the timeline plays (a subscription only
 * receives events created after it): the Slack stand-in and a confirmed email address at the mail catcher.
 */
final class DemoSubscriptions {

    private final Pipeline pipeline;

    DemoSubscriptions(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    void subscribe() {
        // filled in once the notifier's subscription API is in place
    }
}

package io.pactwatch.notifier.config;

import io.pactwatch.contracts.EventType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of the notifier ({@code pactwatch.notifier.*}); see docs/notifier.md and docs/alerts.md. */
@ConfigMapping(prefix = "pactwatch.notifier")
public interface NotifierConfig {

    /** Base URL people reach the notifier at: confirmation and unsubscribe links start with it. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /** Secret that signs confirmation/unsubscribe links and webhook bodies. Set it in production. */
    @WithDefault("pactwatch-dev-signing-secret-change-me")
    String signingSecret();

    /** A round reported without a number is the same round as one of the same counterpart within this many days. */
    @WithDefault("3")
    int roundWindowDays();

    Dispatch dispatch();

    Slack slack();

    Console console();

    /** How often the event outbox is relayed to pactwatch.agreement-events (the Quarkus scheduler's minimum is 1s). */
    @WithDefault("1s")
    Duration outboxInterval();

    /**
     * How long an event version stays in the outbox after it was relayed to pactwatch.agreement-events (checked every
     * 10 minutes); 0 keeps relayed versions for ever. Rows not yet relayed are always kept.
     */
    @WithDefault("7d")
    Duration outboxRetention();

    /** How long a failing event-store transaction is retried before its record goes to the dead-letter topic. */
    @WithDefault("2m")
    Duration storeRetryFor();

    /** How often queue depth, oldest pending age and failing subscriptions are measured for /q/metrics. */
    @WithDefault("10s")
    Duration metricsInterval();

    /** Alert dispatching: polling, batch size and retries. */
    interface Dispatch {
        /** How often due deliveries are claimed and sent (the Quarkus scheduler's minimum is 1s). */
        @WithDefault("1s")
        Duration interval();

        /**
         * Also dispatch right after a transaction that changed events, instead of only at the next poll: alerts
         * leave within milliseconds. Off, alerts wait for the poll (tests hold the dispatcher back this way).
         */
        @WithDefault("true")
        boolean onCommit();

        /**
         * How long the alert of a round reported without its number waits for a report that names the number, so the
         * alert can say which round it was (the event itself is stored and published at once); 0s sends at once.
         */
        @WithDefault("30s")
        Duration unnumberedRoundHold();

        @WithDefault("50")
        int batchSize();

        /**
         * How many of a run's claimed deliveries are sent at once (each to another subscription; values below 1 mean
         * 1): an alert to one subscriber does not wait for the sends to those before it. Keep it below the datasource
         * pool (each send takes a connection to load its event and to write its outcome).
         */
        @WithDefault("8")
        int concurrency();

        @WithDefault("10")
        int maxAttempts();

        @WithDefault("2s")
        Duration retryBase();

        @WithDefault("10m")
        Duration retryCap();

        /** How long a claimed delivery stays claimed before another run may retry it (crash recovery). */
        @WithDefault("2m")
        Duration claimTimeout();
    }

    /** Slack channel settings. */
    interface Slack {
        /** Extra hosts (host or host:port) accepted as webhook targets, over http too: for local testing. */
        Optional<List<String>> allowedHosts();

        /** Smallest gap between two messages to one webhook (Slack allows about one per second). */
        @WithDefault("1s")
        Duration minSpacing();

        @WithDefault("10s")
        Duration timeout();
    }

    /** The console channel: alerts as log lines starting with "ALERT", for the local demo. */
    interface Console {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("TALKS_OPENED,ROUND,SIGNING_PLANNED,SIGNED")
        List<EventType> eventTypes();
    }
}

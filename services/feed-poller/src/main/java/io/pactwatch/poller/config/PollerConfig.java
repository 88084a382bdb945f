package io.pactwatch.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of the poller ({@code pactwatch.poller.*}); see docs/feed-poller.md#configuration. */
@ConfigMapping(prefix = "pactwatch.poller")
public interface PollerConfig {

    /** How often due feeds are claimed. */
    @WithDefault("1s")
    Duration tick();

    /**
     * Polls in flight at once, across all feeds of this replica. Enough to cover fetch latency: 50,000 feeds at
     * 5 minutes are 167 fetches/s, which at 300 ms per fetch over the network keeps 50 in flight.
     */
    @WithDefault("64")
    int maxConcurrentFetches();

    /** Connections kept open to one host (address and port); more polls for that host wait for one of them. */
    @WithDefault("16")
    int maxConnectionsPerHost();

    /** Smallest interval a feed may have, in seconds. */
    @WithDefault("60")
    int minIntervalSeconds();

    /** ± fraction of the interval added at random, so feeds of one host spread out. */
    @WithDefault("0.1")
    double jitter();

    /** Longest wait after repeated failures. */
    @WithDefault("6h")
    Duration maxBackoff();

    /** Longest wait a feed's ttl / Cache-Control may ask for. */
    @WithDefault("2h")
    Duration maxRefreshHint();

    /** Consecutive failures after which a feed is flagged failing. */
    @WithDefault("5")
    int failingThreshold();

    /**
     * Due feeds claimed per statement (at least the free fetch slots): the rest wait on this replica, leased, and are
     * started as slots free up, so a pass costs one claim per batch instead of one per feed.
     */
    @WithDefault("64")
    int claimBatchSize();

    /** Most successful poll outcomes written to the registry in one statement. */
    @WithDefault("256")
    int outcomeBatchSize();

    /** How long a claimed feed belongs to this replica; a dead replica's feeds are free again after it. */
    @WithDefault("2m")
    Duration lease();

    /** This replica's lease-owner name; defaults to the host name. */
    Optional<String> instanceId();

    /** JSON file of config-declared feeds (GitOps), synced into the registry at start. */
    Optional<String> feedsFile();

    /** Address blocks (CIDR) that the SSRF guard lets through, e.g. 127.0.0.1/32 for a local demo. */
    Optional<List<String>> ssrfAllowlist();

    /**
     * Base64 of 32 random bytes ({@code openssl rand -base64 32}): feed URL credentials are stored sealed with it
     * (see {@code CredentialSeal}); without it they are stored as entered. Every replica needs the same key.
     */
    Optional<String> credentialsKey();

    /**
     * Keys used before {@link #credentialsKey()} (a rotation): what they sealed still opens, and is sealed again with
     * the current key at start. Drop a key from the list once a start has logged the rows moved.
     */
    Optional<List<String>> previousCredentialsKeys();

    Limits limits();

    /** Bounds on what one fetch may cost. */
    interface Limits {
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest silence while reading. */
        @WithDefault("10s")
        Duration readTimeout();

        /** Longest whole fetch, redirects included: a slow-drip server is cut off here. */
        @WithDefault("30s")
        Duration totalTimeout();

        /** Cap on the decompressed body. */
        @WithDefault("5242880")
        long maxBodyBytes();

        @WithDefault("5")
        int maxRedirects();

        /**
         * How long a host's looked-up and allowed address is reused before it is looked up again (the JVM caches DNS
         * answers for 30 s too); 0 looks it up on every fetch.
         */
        @WithDefault("30s")
        Duration addressCacheTtl();

        /** Items read per fetch, in document order; the rest of a flood is dropped (and logged) for that poll. */
        @WithDefault("200")
        int maxItemsPerFetch();
    }
}

package io.pactwatch.poller.polling;

import io.pactwatch.poller.persistence.FeedRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * This replica's name on the feeds it leases: {@code PACTWATCH_POLLER_INSTANCE_ID} (else the host name) plus a
 * suffix unique to this start. At start it frees the leases that earlier lives of the same instance held, so a
 * restarted replica does not wait for them to expire; its own leases (a tick may already run) are never touched.
 */
@ApplicationScoped
public class LeaseOwner {

    private final String base;
    private final String id;
    private final FeedRepository feeds;

    public LeaseOwner(io.pactwatch.poller.config.PollerConfig config, FeedRepository feeds) {
        this.base = config.instanceId().filter(s -> !s.isBlank()).orElseGet(LeaseOwner::hostName);
        this.id = base + ":" + java.util.UUID.randomUUID().toString().substring(0, 8);
        this.feeds = feeds;
    }

    public String id() {
        return id;
    }

    void releaseStaleLeases(@Observes StartupEvent start) {
        feeds.releaseEarlierLeases(base + ":", id).await().atMost(Duration.ofSeconds(30));
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "poller";
        }
    }
}

package io.pactwatch.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the web dashboard ({@code pactwatch.dashboard.*}); see docs/dashboard.md. */
@ConfigMapping(prefix = "pactwatch.dashboard")
public interface DashboardConfig {

    /** Base URL of the feed-poller's REST API, read by the feeds page. */
    @WithDefault("http://localhost:8081")
    String pollerUrl();

    /** Bearer token for the poller's API; when absent the notifier's own {@code pactwatch.admin-token} is sent. */
    Optional<String> pollerToken();

    /** How long the feeds page waits for the poller before showing it as unreachable. */
    @WithDefault("3s")
    Duration pollerTimeout();

    /** How long an admin stays signed in to the subscriptions page. */
    @WithDefault("8h")
    Duration adminSession();
}

package io.pactwatch.notifier.rest.web;

import com.fasterxml.jackson.core.type.TypeReference;
import io.pactwatch.contracts.Json;
import io.pactwatch.notifier.config.DashboardConfig;
import io.pactwatch.notifier.domain.dashboard.PollerFeed;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads feed health from the feed-poller's API ({@code GET /api/feeds}, bearer token) without blocking; every
 * failure (refused, timeout, 401, bad JSON) becomes an answer saying why, so the page can show "poller unreachable".
 */
@ApplicationScoped
public class PollerClient {

    /** The poller's feeds, or the reason they could not be read. */
    public record Answer(List<PollerFeed> feeds, String problem) {

        public boolean reachable() {
            return problem == null;
        }
    }

    private static final TypeReference<List<PollerFeed>> FEEDS = new TypeReference<>() {
    };

    private final WebClient client;
    private final DashboardConfig config;
    private final Optional<String> token;

    public PollerClient(Vertx vertx, DashboardConfig config,
            @ConfigProperty(name = "pactwatch.admin-token") Optional<String> adminToken) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) config.pollerTimeout().toMillis()));
        this.token = config.pollerToken().or(() -> adminToken).filter(t -> !t.isBlank());
    }

    public String baseUrl() {
        return config.pollerUrl().replaceAll("/+$", "");
    }

    public Uni<Answer> feeds() {
        var request = client.getAbs(baseUrl() + "/api/feeds").timeout(config.pollerTimeout().toMillis())
                .putHeader("Accept", "application/json");
        token.ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
        return request.send().map(resp -> {
            if (resp.statusCode() != 200) {
                return new Answer(List.of(), "the poller answered HTTP " + resp.statusCode()
                        + (resp.statusCode() == 401 ? " (check pactwatch.dashboard.poller-token)" : ""));
            }
            try {
                return new Answer(Json.mapper().readValue(resp.bodyAsString(), FEEDS), null);
            } catch (Exception e) {
                return new Answer(List.of(), "the poller's answer was not a feed list");
            }
        }).onFailure().recoverWithItem(e -> new Answer(List.of(), "no answer from the poller ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")"));
    }
}

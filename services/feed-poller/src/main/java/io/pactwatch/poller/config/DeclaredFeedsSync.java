package io.pactwatch.poller.config;

import com.fasterxml.jackson.core.type.TypeReference;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.UrlRedaction;
import io.pactwatch.poller.domain.FeedDefinition;
import io.pactwatch.poller.persistence.FeedRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Syncs the feeds declared in {@code pactwatch.poller.feeds-file} (GitOps) into the registry at start: each is
 * upserted by name, else by url. An invalid file stops the start with a message naming the problem.
 */
@ApplicationScoped
public class DeclaredFeedsSync {

    private static final Logger LOG = Logger.getLogger(DeclaredFeedsSync.class);

    private final PollerConfig config;
    private final FeedRepository feeds;

    public DeclaredFeedsSync(PollerConfig config, FeedRepository feeds) {
        this.config = config;
        this.feeds = feeds;
    }

    void sync(@Observes StartupEvent start) {
        if (config.feedsFile().isEmpty()) {
            return;
        }
        Path file = Path.of(config.feedsFile().get());
        List<FeedDefinition> declared;
        try {
            declared = Json.mapper().readValue(Files.readString(file), new TypeReference<List<FeedDefinition>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read feeds file " + file + ": " + UrlRedaction.passwordsHidden(e.getMessage()));
        }
        for (FeedDefinition feed : declared) {
            // The operator's own file may go below the API's floor (accelerated demos); 1 s is the hard floor.
            List<String> problems = feed.problems(1);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("feeds file " + file + ", feed " + feed.name() + ": " + UrlRedaction.passwordsHidden(problems.toString()));
            }
            if (feed.intervalOrDefault() < config.minIntervalSeconds()) {
                LOG.warnf("declared feed %s polls every %d s, below the API minimum of %d s", feed.name(),
                        feed.intervalOrDefault(), config.minIntervalSeconds());
            }
            feeds.upsertDeclared(feed).await().atMost(Duration.ofSeconds(30));
        }
        LOG.infof("synced %d declared feed(s) from %s", declared.size(), file);
    }
}

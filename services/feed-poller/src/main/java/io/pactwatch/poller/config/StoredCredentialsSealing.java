package io.pactwatch.poller.config;

import io.pactwatch.poller.persistence.FeedRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Once a credentials key is set, the feeds stored before it keep their credentials in clear until written again, and
 * after a rotation the rows keep the previous key's seal; this seals them with the current key at start, so turning
 * the key on (or changing it) covers every row, not just new ones. A failure is logged, not fatal: those rows are
 * sealed at their next write, and open with the previous key meanwhile.
 */
@ApplicationScoped
public class StoredCredentialsSealing {

    private static final Logger LOG = Logger.getLogger(StoredCredentialsSealing.class);

    private final FeedRepository feeds;

    public StoredCredentialsSealing(FeedRepository feeds) {
        this.feeds = feeds;
    }

    void seal(@Observes StartupEvent start) {
        try {
            int sealed = feeds.sealStoredCredentials().await().atMost(Duration.ofSeconds(30));
            if (sealed > 0) {
                LOG.infof("sealed the credentials of %d feed URL(s) stored in clear or with a previous key", sealed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not seal the credentials stored in clear (they are sealed at their next write): %s", e.getMessage());
        }
    }
}

package io.pactwatch.poller.config;

import io.pactwatch.poller.domain.CredentialSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Makes the {@link CredentialSeal} from {@code pactwatch.poller.credentials-key} and
 * {@code pactwatch.poller.previous-credentials-keys}: a malformed key stops the start with a message saying why; no key
 * stores feed credentials as entered, and says so once.
 */
@ApplicationScoped
public class CredentialSealProducer {

    private static final Logger LOG = Logger.getLogger(CredentialSealProducer.class);

    @Produces
    @Singleton
    CredentialSeal credentialSeal(PollerConfig config) {
        var key = config.credentialsKey().filter(k -> !k.isBlank());
        List<String> previous = config.previousCredentialsKeys().orElse(List.of()).stream().filter(k -> !k.isBlank()).toList();
        if (key.isEmpty()) {
            LOG.warn("no pactwatch.poller.credentials-key (PACTWATCH_POLLER_CREDENTIALS_KEY) set: credentials in feed URLs"
                    + " are stored as entered in the poller's database");
        }
        try {
            return CredentialSeal.of(key.orElse(null), previous);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pactwatch.poller.credentials-key / previous-credentials-keys: " + e.getMessage(), e);
        }
    }
}

package io.pactwatch.notifier.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Warns loudly at start when a production notifier runs with the built-in development signing secret: anyone who
 * knows it could forge unsubscribe/confirmation links and webhook signatures.
 */
@ApplicationScoped
public class SigningSecretCheck {

    static final String DEV_SECRET = "pactwatch-dev-signing-secret-change-me";
    private static final Logger LOG = Logger.getLogger(SigningSecretCheck.class);

    void check(@Observes StartupEvent start, NotifierConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_SECRET.equals(config.signingSecret())) {
            LOG.warn("pactwatch.notifier.signing-secret is the development default: set PACTWATCH_NOTIFIER_SIGNING_SECRET");
        }
    }
}

package io.pactwatch.notifier.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pactwatch.contracts.UrlRedaction;
import org.junit.jupiter.api.Test;

/** Error texts of webhook calls never carry the credential part of the target URL. */
class ScrubTest {

    @Test
    void pathAndQueryAreCutFromErrorTexts() {
        String url = "https://hooks.slack.com/services/T0/B0/secret123?token=q456";
        String vertx = "The timeout period of 1000ms has been exceeded while executing POST /services/T0/B0/secret123?token=q456"
                + " for server hooks.slack.com:443";
        String scrubbed = UrlRedaction.secretPathHiddenIn(vertx, url);
        assertFalse(scrubbed.contains("secret123") || scrubbed.contains("q456"), scrubbed);
        assertEquals("The timeout period of 1000ms has been exceeded while executing POST /… for server hooks.slack.com:443", scrubbed);
        assertFalse(UrlRedaction.secretPathHiddenIn("failed: " + url, url).contains("secret123"));
        assertFalse(UrlRedaction.secretPathHiddenIn("path only /services/T0/B0/secret123 here", url).contains("secret123"));
    }
}

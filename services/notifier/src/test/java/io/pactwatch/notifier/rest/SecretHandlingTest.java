package io.pactwatch.notifier.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.notifier.domain.SignedTokens;
import org.junit.jupiter.api.Test;

/** Which calls are public, how credential URLs are shown, and that only the canonical token spelling passes. */
class SecretHandlingTest {

    @Test
    void onlyReadsOfTheReadApiAndNonApiPathsArePublic() {
        assertTrue(AdminTokenFilter.isPublic("GET", "/api/events"));
        assertTrue(AdminTokenFilter.isPublic("GET", "/api/events/stream"));
        assertTrue(AdminTokenFilter.isPublic("HEAD", "/api/agreements"));
        assertTrue(AdminTokenFilter.isPublic("POST", "/subscriptions/unsubscribe"));
        assertFalse(AdminTokenFilter.isPublic("POST", "/api/events"), "a write under a read prefix");
        assertFalse(AdminTokenFilter.isPublic("GET", "/api/eventsadmin"), "a prefix is not a path segment");
        assertFalse(AdminTokenFilter.isPublic("GET", "/api/subscriptions"));
        assertFalse(AdminTokenFilter.isPublic("GET", "/api/anything-new"), "new endpoints are closed by default");
    }

    @Test
    void slackAndWebhookUrlsAreRedactedEmailIsNot() {
        assertEquals("https://hooks.slack.com/…XXXX",
                SubscriptionView.redacted("slack", "https://hooks.slack.com/services/T000/B000/abcdXXXX"));
        assertEquals("http://127.0.0.1:8099/…=abc",
                SubscriptionView.redacted("webhook", "http://127.0.0.1:8099/wh/secret?key=abc"));
        assertEquals("analyst@example.org", SubscriptionView.redacted("email", "analyst@example.org"));
        assertEquals("(redacted)", SubscriptionView.redacted("webhook", "not a url at all"));
    }

    @Test
    void aTokenPassesInItsOwnSpellingOnly() {
        SignedTokens tokens = new SignedTokens("a-signing-secret-of-some-length");
        String t = tokens.token("unsubscribe", 42);
        assertEquals(42L, tokens.verify("unsubscribe", t));
        assertNull(tokens.verify("unsubscribe", t + "="));
        String mac = t.substring(t.lastIndexOf('.') + 1);
        assertNull(tokens.verify("unsubscribe", t.substring(0, t.lastIndexOf('.') + 1) + mac.substring(1) + mac.charAt(0)));
        assertNull(tokens.verify("confirm", t));
    }
}

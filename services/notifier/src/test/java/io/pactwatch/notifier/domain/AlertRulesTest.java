package io.pactwatch.notifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventSource;
import io.pactwatch.contracts.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters, retry timing, signed links, subscription validation and message content. */
class AlertRulesTest {

    static final Instant SUBSCRIBED = Instant.parse("2024-05-01T00:00:00Z");

    static AgreementEvent event() {
        return new AgreementEvent("e1", 1, ChangeKind.NEW, "ua-security-agreements", "US", "United States",
                EventType.ROUND, 4, LocalDate.of(2024, 5, 6), 2, null, SUBSCRIBED, SUBSCRIBED,
                List.of(new EventSource("a1", "Kyiv Ledger", "https://kl.example/1", "Fourth round", SUBSCRIBED,
                        "The sides held the fourth round on May 6.")));
    }

    @Test
    void filterMatchesTypesTrackersCounterpartsCorroborationAndOnlyNewEvents() {
        SubscriptionFilter f = new SubscriptionFilter(SubscriptionFilter.DEFAULT_TYPES, List.of(), List.of("US"), 2, SUBSCRIBED);
        Instant later = SUBSCRIBED.plusSeconds(60);
        assertTrue(f.matches("t", "US", EventType.ROUND, 2, later));
        assertFalse(f.matches("t", "US", EventType.TALKS_OPENED, 2, later), "opt-in type");
        assertFalse(f.matches("t", "JP", EventType.ROUND, 2, later), "other counterpart");
        assertFalse(f.matches("t", "US", EventType.ROUND, 1, later), "not corroborated enough");
        assertFalse(f.matches("t", "US", EventType.ROUND, 2, SUBSCRIBED.minusSeconds(1)), "history");
        assertFalse(new SubscriptionFilter(Set.of(EventType.ROUND), List.of("other"), List.of(), 1, SUBSCRIBED)
                .matches("t", "US", EventType.ROUND, 1, later));
    }

    @Test
    void retriesBackOffWithJitterAndHonourRetryAfter() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(1), 5);
        for (int i = 0; i < 50; i++) {
            long d = policy.delayAfter(3, null).toMillis();
            assertTrue(d >= 4000 && d <= 8000, "attempt 3 waits 4-8 s, got " + d);
            assertTrue(policy.delayAfter(20, null).toMillis() <= 60_000);
        }
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1, Duration.ofSeconds(30)));
        assertTrue(policy.exhausted(5));
        assertFalse(policy.exhausted(4));
    }

    @Test
    void signedTokensRejectForgeriesAndOtherPurposes() {
        SignedTokens tokens = new SignedTokens("a-test-secret-of-some-length");
        String t = tokens.token("unsubscribe", 42);
        assertEquals(42L, tokens.verify("unsubscribe", t));
        assertNull(tokens.verify("confirm", t));
        assertNull(tokens.verify("unsubscribe", t.replace("42", "43")));
        assertNull(tokens.verify("unsubscribe", "unsubscribe.42.AAAA"));
        assertNull(new SignedTokens("another-secret-entirely!").verify("unsubscribe", t));
        assertTrue(SignedTokens.webhookSignature("k", "{}").matches("sha256=[0-9a-f]{64}"));
    }

    @Test
    void subscriptionTargetsAreValidatedPerChannel() {
        List<String> none = List.of();
        assertTrue(new SubscriptionRequest("slack", "https://hooks.slack.com/services/T/B/X", null, null, null, null).problems(none).isEmpty());
        assertFalse(new SubscriptionRequest("slack", "https://evil.example/hook", null, null, null, null).problems(none).isEmpty());
        assertFalse(new SubscriptionRequest("slack", "http://127.0.0.1:9/hooks/x", null, null, null, null).problems(none).isEmpty());
        assertTrue(new SubscriptionRequest("slack", "http://127.0.0.1:9/hooks/x", null, null, null, null).problems(List.of("127.0.0.1:9")).isEmpty());
        assertFalse(new SubscriptionRequest("webhook", "http://example.org/x", null, null, null, null).problems(none).isEmpty());
        assertTrue(new SubscriptionRequest("email", "analyst@example.org", null, null, null, null).problems(none).isEmpty());
        assertFalse(new SubscriptionRequest("email", "not an address", null, null, null, null).problems(none).isEmpty());
        assertFalse(new SubscriptionRequest("pager", "x", null, null, null, null).problems(none).isEmpty());
        assertFalse(new SubscriptionRequest("email", "a@b.org", null, null, List.of("usa"), 0).problems(none).isEmpty());
        assertEquals(List.of(EventType.ROUND, EventType.SIGNED).size(),
                new SubscriptionRequest("email", "a@b.org", null, null, null, null).typesOrDefault().size());
    }

    @Test
    void slackPayloadCarriesHeadlineFactsEvidenceAndSources() {
        Map<String, Object> payload = SlackMessage.of(event());
        String json = io.pactwatch.contracts.Json.write(payload);
        assertTrue(json.contains("Fourth round of talks with United States"), json);
        assertTrue(json.contains("\\uD83C\\uDDFA\\uD83C\\uDDF8") || json.contains("🇺🇸"), "flag: " + json);
        assertTrue(json.contains("*Round*\\n4") && json.contains("6 May 2024") && json.contains("2 sources"), json);
        assertTrue(json.contains("> The sides held the fourth round on May 6."), json);
        assertTrue(json.contains("<https://kl.example/1|Kyiv Ledger: Fourth round>"), json);
    }

    @Test
    void emailHasTheSameContentAndAHeaderSafeSubject() {
        EmailMessage mail = EmailMessage.of(event(), "https://n.example/unsub?token=x");
        assertEquals("[pactwatch] Fourth round of talks with United States (6 May 2024)", mail.subject());
        assertTrue(mail.text().contains("The sides held the fourth round on May 6.") && mail.text().contains("https://kl.example/1"));
        assertTrue(mail.html().contains("<blockquote>The sides held the fourth round on May 6.</blockquote>"));
        assertEquals("a b c", AlertText.headerSafe("a\r\nb\nc"));
    }
}

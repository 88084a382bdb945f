package io.pactwatch.notifier.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pactwatch.notifier.alerts.SendResult.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How Slack/webhook HTTP answers and SMTP failures become sent, retry or permanent outcomes. */
class SendOutcomeTest {

    @Test
    void httpAnswersAreClassified() {
        assertEquals(Outcome.SENT, HttpPoster.classify(200, null, "ok").outcome());
        assertEquals(Outcome.SENT, HttpPoster.classify(204, null, null).outcome());
        SendResult limited = HttpPoster.classify(429, "2", "rate_limited");
        assertEquals(Outcome.RETRY, limited.outcome());
        assertEquals(Duration.ofSeconds(2), limited.retryAfter());
        assertEquals(Outcome.RETRY, HttpPoster.classify(500, null, "").outcome());
        assertEquals(Outcome.RETRY, HttpPoster.classify(503, "Wed, 21 Oct 2026 07:28:00 GMT", "").outcome());
        assertNull(HttpPoster.classify(503, "Wed, 21 Oct 2026 07:28:00 GMT", "").retryAfter());
        assertEquals(Outcome.PERMANENT, HttpPoster.classify(404, null, "no_service").outcome());
        assertEquals(Outcome.PERMANENT, HttpPoster.classify(410, null, "channel_is_archived").outcome());
        assertEquals(Outcome.PERMANENT, HttpPoster.classify(403, null, "invalid_token").outcome());
    }

    @Test
    void smtpFailuresAreClassified() {
        assertEquals(Outcome.PERMANENT, EmailSender.classify(new RuntimeException("550 5.1.1 User unknown")).outcome());
        assertEquals(Outcome.PERMANENT, EmailSender.classify(new RuntimeException("Invalid address: x@")).outcome());
        assertEquals(Outcome.RETRY, EmailSender.classify(new RuntimeException("421 4.7.0 Try again later")).outcome());
        assertEquals(Outcome.RETRY, EmailSender.classify(new RuntimeException("Connection refused")).outcome());
    }
}

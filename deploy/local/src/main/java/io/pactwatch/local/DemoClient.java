package io.pactwatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Json;
import io.pactwatch.local.demo.MailCatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to a running pipeline's notifier the way a user would: subscribes the Slack stand-in and an email address
 * (following the confirmation link that arrives in the mail catcher). Used by {@code ./pactwatch run} and the
 * end-to-end test.
 */
public final class DemoClient {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://[^\\s\"'<>]*confirm[^\\s\"'<>]*)");

    private final Pipeline pipeline;

    public DemoClient(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Subscribes the Slack stand-in's hook {@code name} to the given event types; returns the subscription JSON. */
    public JsonNode subscribeSlack(String name, List<EventType> types) {
        return subscribe(Map.of("channel", "slack", "target", pipeline.slack().webhookUrl(name), "eventTypes", types));
    }

    /** Subscribes an address and confirms it through the link in the confirmation mail. */
    public JsonNode subscribeConfirmedEmail(String address, List<EventType> types) {
        JsonNode subscription = subscribe(Map.of("channel", "email", "target", address, "eventTypes", types));
        String link = awaitConfirmationLink(address, Duration.ofSeconds(60));
        Http.Response confirmed = Http.get(link, null);
        if (confirmed.status() != 200) {
            throw new IllegalStateException("confirming " + address + " via " + link + " failed: " + confirmed);
        }
        return subscription;
    }

    /** Number of real-world events the notifier has stored. */
    public static long eventCount(Pipeline pipeline) {
        Http.Response response = Http.get(pipeline.serviceUrl(Services.NOTIFIER) + "/api/events?size=1", null);
        if (response.status() != 200) {
            return -1;
        }
        try {
            return Json.mapper().readTree(response.body()).path("total").asLong(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private JsonNode subscribe(Map<String, Object> body) {
        String url = pipeline.serviceUrl(Services.NOTIFIER) + "/api/subscriptions";
        Http.Response response = Http.postJson(url, pipeline.settings().adminToken(), Json.write(body));
        if (response.status() != 201 && response.status() != 200) {
            throw new IllegalStateException("POST " + url + " " + Json.write(body) + " answered " + response);
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable subscription: " + response.body(), e);
        }
    }

    private String awaitConfirmationLink(String address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (MailCatcher.Mail mail : pipeline.mail().mails()) {
                if (mail.to().contains(address)) {
                    Matcher m = CONFIRM_LINK.matcher(String.valueOf(mail.text()) + " " + mail.html());
                    if (m.find()) {
                        return m.group(1).replace("&amp;", "&");
                    }
                }
            }
            Ports.sleep(300);
        }
        throw new IllegalStateException("no confirmation mail for " + address + " within " + timeout);
    }
}

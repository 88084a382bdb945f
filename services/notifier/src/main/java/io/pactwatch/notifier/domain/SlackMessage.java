package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.EventSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Slack incoming-webhook payload in Block Kit: header, facts, evidence quote and source links. */
public final class SlackMessage {

    private SlackMessage() {
    }

    public static Map<String, Object> of(AgreementEvent e) {
        String headline = AlertText.flag(e.counterpart()) + " " + AlertText.headline(e);
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", headline.trim(), "emoji", true)));
        blocks.add(Map.of("type", "section", "fields", List.of(
                field("Counterpart", AlertText.flag(e.counterpart()) + " " + AlertText.name(e)),
                field("Event", AlertText.typeLabel(e)),
                field("Round", AlertText.roundLabel(e)),
                field("Date", AlertText.date(e)),
                field("Corroboration", AlertText.corroboration(e)),
                field("Tracker", e.trackerId()))));
        if (!AlertText.evidence(e).isEmpty()) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "> " + escape(AlertText.evidence(e)))));
        }
        StringBuilder links = new StringBuilder("*Sources*");
        for (EventSource s : e.sources()) {
            links.append("\n• <").append(s.url()).append("|").append(escape(AlertText.sourceLabel(s))).append(">");
        }
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", links.toString())));
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", "pactwatch · event " + e.eventId()))));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", headline.trim() + " (" + AlertText.date(e) + ")");
        payload.put("blocks", blocks);
        return payload;
    }

    private static Map<String, Object> field(String label, String value) {
        return Map.of("type", "mrkdwn", "text", "*" + label + "*\n" + escape(value));
    }

    /** Slack's three control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

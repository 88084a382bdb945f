package io.pactwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwatch.contracts.EventType;
import io.pactwatch.local.demo.MailCatcher;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an alert back the way a person reads it: the Slack message's fields (flag, event, round), turned into the
 * same key as {@link ExpectedStory.Event#key()}.
 */
final class SlackAlerts {

    private static final Map<String, EventType> LABELS = Map.of("Talks opened", EventType.TALKS_OPENED,
            "Negotiation round", EventType.ROUND, "Signing planned", EventType.SIGNING_PLANNED, "Signed", EventType.SIGNED);

    private SlackAlerts() {
    }

    static String key(JsonNode payload) {
        Map<String, String> fields = new HashMap<>();
        for (JsonNode block : payload.path("blocks")) {
            for (JsonNode field : block.path("fields")) {
                String[] parts = field.path("text").asText().split("\n", 2);
                fields.put(parts[0].replace("*", ""), parts.length > 1 ? parts[1] : "");
            }
        }
        EventType type = LABELS.get(fields.get("Event"));
        String round = fields.getOrDefault("Round", "not stated");
        return type + "/" + countryCode(fields.getOrDefault("Counterpart", "")) + "/" + (round.equals("not stated") ? "-" : round);
    }

    /** The ISO code spelled by the regional-indicator flag at the start of the counterpart field. */
    static String countryCode(String counterpart) {
        int[] cps = counterpart.codePoints().limit(2).toArray();
        if (cps.length < 2 || cps[0] < 0x1F1E6 || cps[0] > 0x1F1FF) {
            return "?";
        }
        return "" + (char) ('A' + cps[0] - 0x1F1E6) + (char) ('A' + cps[1] - 0x1F1E6);
    }

    static boolean isAlertMail(MailCatcher.Mail mail) {
        return mail.subject() != null && mail.subject().startsWith("[pactwatch]") && !mail.subject().contains("Confirm");
    }
}

package io.pactwatch.notifier.domain;

import io.pactwatch.contracts.EventType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A subscription as a client sends it, with the validation rules: channel, a target fitting the channel (Slack
 * webhooks on the Slack hooks host over https unless an allowlisted local host; webhooks over https; a plausible
 * email address), and filters.
 */
public record SubscriptionRequest(String channel, String target, List<EventType> eventTypes, List<String> trackers,
        List<String> counterparts, Integer minCorroboration) {

    public static final String SLACK_HOST = "hooks.slack.com";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\".,;]+|[^@\\s<>\",;]+@localhost");
    private static final List<String> CHANNELS = List.of("slack", "email", "webhook", "console");

    public List<String> problems(List<String> allowedHosts) {
        List<String> problems = new ArrayList<>();
        if (channel == null || !CHANNELS.contains(channel)) {
            problems.add("channel must be one of " + CHANNELS);
            return problems;
        }
        if (target == null || target.isBlank()) {
            problems.add("target is required (webhook URL or email address)");
            return problems;
        }
        switch (channel) {
            case "slack" -> checkUrl(problems, allowedHosts, true);
            case "webhook" -> checkUrl(problems, allowedHosts, false);
            case "email" -> {
                if (!EMAIL.matcher(target.trim()).matches() || target.length() > 254) {
                    problems.add("target is not a valid email address");
                }
            }
            default -> {
            }
        }
        if (minCorroboration != null && minCorroboration < 1) {
            problems.add("minCorroboration must be at least 1");
        }
        if (counterparts != null && counterparts.stream().anyMatch(c -> c == null || !c.matches("[A-Z]{2}"))) {
            problems.add("counterparts must be ISO 3166-1 alpha-2 codes such as US or EU");
        }
        return problems;
    }

    private void checkUrl(List<String> problems, List<String> allowedHosts, boolean slackOnly) {
        try {
            URI uri = new URI(target.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String hostPort = uri.getPort() == -1 ? host : host + ":" + uri.getPort();
            boolean allowlisted = allowedHosts.contains(host) || allowedHosts.contains(hostPort);
            if (allowlisted && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return;
            }
            if (!"https".equals(uri.getScheme())) {
                problems.add("target must be an https URL");
            } else if (slackOnly && !SLACK_HOST.equals(host)) {
                problems.add("a Slack target must be an incoming-webhook URL on " + SLACK_HOST);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add("target is not a valid URL");
        }
    }

    public List<EventType> typesOrDefault() {
        return eventTypes == null || eventTypes.isEmpty() ? List.copyOf(SubscriptionFilter.DEFAULT_TYPES) : eventTypes;
    }
}

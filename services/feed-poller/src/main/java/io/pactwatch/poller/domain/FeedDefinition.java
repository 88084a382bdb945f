package io.pactwatch.poller.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed as an operator declares it (API body or feeds file), with the validation rules that give clear 400/422
 * answers before anything is stored.
 */
public record FeedDefinition(String name, String url, Integer intervalSeconds, Boolean enabled, List<String> tags,
        Boolean fullText) {

    public static final int DEFAULT_INTERVAL_SECONDS = 300;

    /** The problems with this definition, empty when valid. */
    public List<String> problems(int minIntervalSeconds) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        } else if (name.length() > 200) {
            problems.add("name is longer than 200 characters");
        }
        if (url == null || url.isBlank()) {
            problems.add("url is required");
        } else {
            try {
                URI uri = new URI(url.trim());
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                    problems.add("url must be http or https");
                } else if (uri.getHost() == null) {
                    problems.add("url has no host");
                }
            } catch (java.net.URISyntaxException e) {
                problems.add("url is not a valid URL: " + e.getReason());
            }
        }
        if (intervalSeconds != null && (intervalSeconds < minIntervalSeconds || intervalSeconds > 86_400)) {
            problems.add("intervalSeconds must be between " + minIntervalSeconds + " and 86400");
        }
        return problems;
    }

    public int intervalOrDefault() {
        return intervalSeconds == null ? DEFAULT_INTERVAL_SECONDS : intervalSeconds;
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public boolean fullTextOrDefault() {
        return fullText != null && fullText;
    }
}

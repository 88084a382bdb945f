package io.pactwatch.notifier.domain.dashboard;

import java.net.URI;

/**
 * How the subscriptions page shows a target: email addresses in full, webhook URLs (whose path is the credential for
 * Slack incoming webhooks) as scheme and host plus the last four characters, so a screenshot or a shoulder never
 * leaks a usable hook.
 */
public final class TargetMask {

    private TargetMask() {
    }

    public static String show(String channel, String target) {
        if (target == null) {
            return "";
        }
        if ("email".equals(channel) || "console".equals(channel)) {
            return target;
        }
        try {
            URI uri = URI.create(target.trim());
            String tail = target.length() > 4 ? target.substring(target.length() - 4) : "";
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…" + tail;
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }
}

package io.pactwatch.poller.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Gives an item a stable article id: from its GUID when trustworthy, else its canonical URL (tracking parameters
 * stripped), else a hash of its content; and the content hash that tells whether an item changed (new revision).
 */
public final class ItemIdentity {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "ref", "ref_src",
            "cmpid", "ocid", "igshid", "_ga", "yclid", "msclkid", "spm", "s_cid");

    private ItemIdentity() {
    }

    /** The article id of an item of a feed. GUIDs are scoped to the feed; URLs are global. */
    public static String articleId(String feedUrl, FeedItem item) {
        if (trustworthyGuid(item.guid())) {
            return "g-" + sha256(feedUrl + "\n" + item.guid()).substring(0, 32);
        }
        String canonical = canonicalUrl(item.link());
        if (canonical != null) {
            return "u-" + sha256(canonical).substring(0, 32);
        }
        return "h-" + sha256(feedUrl + "\n" + item.title() + "\n" + item.summary()).substring(0, 32);
    }

    /** Hash over what a reader sees; a change means a new revision. */
    public static String contentHash(String title, String summary, String content) {
        return sha256(nullToEmpty(title) + "\u0000" + nullToEmpty(summary) + "\u0000" + nullToEmpty(content));
    }

    /** A GUID is trusted unless it is blank, very short, or a bare number/date that outlets recycle. */
    static boolean trustworthyGuid(String guid) {
        return guid != null && guid.trim().length() >= 6 && !guid.trim().matches("[0-9 :\\-T.Z+]+");
    }

    /** Lower-cased scheme and host, no fragment, no default port, tracking parameters removed; null when not a URL. */
    public static String canonicalUrl(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            StringJoiner query = new StringJoiner("&");
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!name.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                        query.add(pair);
                    }
                }
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (query.length() == 0 ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

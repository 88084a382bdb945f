package io.pactwatch.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * How every pactwatch service shows a URL that may carry a credential, in one place: a password in the userinfo
 * ({@code http://user:pass@host/feed}) becomes {@code ***}, as does a user name given alone (an API token, as in
 * {@code https://TOKEN@host/feed}), and a URL whose path is the secret (Slack and webhook targets) keeps only its
 * scheme, host and last four characters. Pure functions; stored URLs are never changed.
 */
public final class UrlRedaction {

    /** What a password is replaced with. */
    public static final String MASK = "***";

    /** {@code scheme://user:password@}: the password runs to the authority's last {@code @} (an unencoded one too). */
    private static final Pattern USERINFO_PASSWORD =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/?#@\\s:]*):([^/?#\\s]*)@");

    /** {@code scheme://name@} with no {@code :}: services take such a name as the credential itself (a token). */
    private static final Pattern USERINFO_NAME_ONLY = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/?#@\\s:]+)@");

    private UrlRedaction() {
    }

    /**
     * The text (or a lone URL) with the password of every {@code scheme://user:password@} URL in it replaced by
     * {@code ***} ({@code http://user:***@host/feed}), and every lone user name too ({@code https://***@host/feed});
     * anything else (or null) as it is.
     */
    public static String passwordsHidden(String text) {
        if (text == null) {
            return null;
        }
        String passwordsGone = USERINFO_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        return USERINFO_NAME_ONLY.matcher(passwordsGone).replaceAll("$1" + MASK + "@");
    }

    /**
     * An error text about {@code url} with every trace of the URL's credential (its password, or its lone user name)
     * gone: credentials of URLs in it, and the credential itself where the text quotes it bare (raw or
     * percent-decoded; only if 4+ characters, so a short one does not blank out ordinary words).
     */
    public static String passwordHiddenIn(String text, String url) {
        String out = passwordsHidden(text);
        String password = credential(url);
        if (out == null || password == null) {
            return out;
        }
        for (String form : new String[] {password, decoded(password)}) {
            if (form.length() >= 4) {
                out = out.replace(form, MASK);
            }
        }
        return out;
    }

    /**
     * A URL whose path and query are the credential (Slack and webhook targets): {@code https://hooks.slack.com/…wxyz}
     * (scheme, host, port, last four characters; the userinfo dropped); {@code (redacted)} when it cannot be read.
     */
    public static String secretPathHidden(String url) {
        if (url == null) {
            return null;
        }
        try {
            String trimmed = url.trim();
            URI uri = new URI(trimmed);
            String rest = afterAuthority(trimmed, uri);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + (rest.length() <= 8 ? rest : "/…" + rest.substring(rest.length() - 4));
        } catch (URISyntaxException | RuntimeException e) {
            return "(redacted)";
        }
    }

    /**
     * An error text about a call to {@code url} (a secret-path URL) with the URL's path and query cut out, and any
     * userinfo password hidden; when the URL cannot be read, the whole text is withheld.
     */
    public static String secretPathHiddenIn(String message, String url) {
        try {
            String trimmed = url.trim();
            URI uri = new URI(trimmed);
            String secretPart = afterAuthority(trimmed, uri);
            String out = message.replace(trimmed, uri.getScheme() + "://" + uri.getRawAuthority() + "/…");
            for (String part : new String[] {secretPart, uri.getRawPath(), uri.getRawQuery()}) {
                if (part != null && part.length() > 1) {
                    out = out.replace(part, "/…");
                }
            }
            return passwordHiddenIn(out, trimmed);
        } catch (URISyntaxException | RuntimeException e) {
            return "(error text withheld: it may contain the target URL)";
        }
    }

    /** Everything after the authority, as written: the path, query and fragment that hold a secret-path URL's secret. */
    private static String afterAuthority(String url, URI uri) {
        return url.substring(url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
    }

    /** The raw (still percent-encoded) password of the URL's userinfo, or its lone user name; null when neither. */
    private static String credential(String url) {
        if (url == null) {
            return null;
        }
        var m = USERINFO_PASSWORD.matcher(url.trim());
        if (m.find()) {
            return m.group(2).isEmpty() ? null : m.group(2);
        }
        var name = USERINFO_NAME_ONLY.matcher(url.trim());
        return name.find() ? name.group(2) : null;
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}

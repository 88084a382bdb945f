package io.pactwatch.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every pactwatch service shows a URL that may carry a credential, in one place: a password in the userinfo
 * ({@code http://user:pass@host/feed}) becomes {@code ***}, as does a user name given alone (an API token, as in
 * {@code https://TOKEN@host/feed}), and so does the value of a query parameter named as a credential
 * ({@code ?token=}, {@code api_key=}, {@code X-Amz-Signature=}, …); a URL whose path is the secret (Slack and webhook
 * targets) keeps only its scheme, host and last four characters. Pure functions; stored URLs are never changed.
 */
public final class UrlRedaction {

    /** What a password is replaced with. */
    public static final String MASK = "***";

    /** {@code scheme://user:password@}: the password runs to the authority's last {@code @} (an unencoded one too). */
    private static final Pattern USERINFO_PASSWORD =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/?#@\\s:]*):([^/?#\\s]*)@");

    /** {@code scheme://name@} with no {@code :}: services take such a name as the credential itself (a token). */
    private static final Pattern USERINFO_NAME_ONLY = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/?#@\\s:]+)@");

    /** A parameter name that says it holds a credential (see {@link #QUERY_SECRET}); case-insensitive. */
    private static final String CREDENTIAL_NAME = "(?:[a-z0-9_.-]*[-_.])?"
            + "(?:api-?key|apikey|key|token|secret|password|passwd|pwd|pass|sig|signature|auth|credentials?|session|sessionid)";
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)" + CREDENTIAL_NAME);

    /**
     * A query parameter named as a credential: the name is one of these words, alone or as the last part after
     * {@code -}, {@code _} or {@code .} ({@code access_token}, {@code X-Amz-Credential}), so {@code monkey} or
     * {@code keyword} are not taken. Group 1 is everything up to the {@code =}, group 2 the value.
     */
    private static final Pattern QUERY_SECRET = Pattern.compile("(?i)([?&;]" + CREDENTIAL_NAME + "=)"
            // the value, less a punctuation mark that ends the sentence around the URL ("… from <url>: …")
            + "([^&#\\s\"'<>]*?)(?=[:.,;)]?(?:[&#\\s\"'<>]|$))");

    private UrlRedaction() {
    }

    /** Whether a query parameter of this (raw) name holds a credential: {@code token}, {@code api_key}, {@code X-Amz-Signature}, … */
    public static boolean isCredentialParameter(String name) {
        return CREDENTIAL_PARAMETER.matcher(name).matches();
    }

    /**
     * The text (or a lone URL) with the password of every {@code scheme://user:password@} URL in it replaced by
     * {@code ***} ({@code http://user:***@host/feed}), every lone user name ({@code https://***@host/feed}) and every
     * credential-named query value ({@code /feed?token=***}) too; anything else (or null) as it is.
     */
    public static String passwordsHidden(String text) {
        if (text == null) {
            return null;
        }
        String passwordsGone = USERINFO_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        String namesGone = USERINFO_NAME_ONLY.matcher(passwordsGone).replaceAll("$1" + MASK + "@");
        return QUERY_SECRET.matcher(namesGone).replaceAll(m -> Matcher.quoteReplacement(m.group(2).isEmpty() ? m.group() : m.group(1) + MASK));
    }

    /**
     * An error text about {@code url} with every trace of the URL's credentials (its password or lone user name, its
     * credential-named query values) gone: credentials of URLs in it, and each credential itself where the text quotes
     * it bare (raw or percent-decoded; only if 4+ characters, so a short one does not blank out ordinary words).
     */
    public static String passwordHiddenIn(String text, String url) {
        String out = passwordsHidden(text);
        if (out == null) {
            return null;
        }
        for (String secret : credentials(url)) {
            for (String form : new String[] {secret, decoded(secret)}) {
                if (form.length() >= 4) {
                    out = out.replace(form, MASK);
                }
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

    /**
     * The URL's credentials, raw (still percent-encoded): the password of its userinfo or its lone user name, and the
     * values of its credential-named query parameters.
     */
    private static List<String> credentials(String url) {
        List<String> found = new ArrayList<>();
        if (url == null) {
            return found;
        }
        var m = USERINFO_PASSWORD.matcher(url.trim());
        var name = USERINFO_NAME_ONLY.matcher(url.trim());
        if (m.find()) {
            if (!m.group(2).isEmpty()) {
                found.add(m.group(2));
            }
        } else if (name.find()) {
            found.add(name.group(2));
        }
        var query = QUERY_SECRET.matcher(url);
        while (query.find()) {
            if (!query.group(2).isEmpty()) {
                found.add(query.group(2));
            }
        }
        return found;
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}

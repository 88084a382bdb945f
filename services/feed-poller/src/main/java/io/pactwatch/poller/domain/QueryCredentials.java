package io.pactwatch.poller.domain;

import io.pactwatch.contracts.UrlRedaction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Finds the credentials a feed URL carries in its query ({@code ?token=…}, {@code api_key=…}: parameters named as
 * {@link UrlRedaction#isCredentialParameter} says), so {@link CredentialSeal} can seal and open their values in place.
 * Everything else in the URL, the order of the parameters and their separators included, stays as written; a
 * parameter after a {@code ;} counts as {@link UrlRedaction} counts it.
 */
final class QueryCredentials {

    private QueryCredentials() {
    }

    /** The URL with each non-empty credential value of its query (raw, still percent-encoded) replaced by {@code change}. */
    static String replaced(String url, UnaryOperator<String> change) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int fragment = url.indexOf('#', query);
        int end = fragment < 0 ? url.length() : fragment;
        StringBuilder out = new StringBuilder(url.length()).append(url, 0, query + 1);
        int from = query + 1;
        while (from <= end) {
            int next = url.indexOf('&', from);
            int partEnd = next < 0 || next > end ? end : next;
            String part = url.substring(from, partEnd);
            int value = credentialValue(part);
            if (value > 0) {
                out.append(part, 0, value).append(change.apply(part.substring(value)));
            } else {
                out.append(part);
            }
            if (partEnd < end) {
                out.append('&');
            }
            from = partEnd + 1;
        }
        return out.append(url, end, url.length()).toString();
    }

    /**
     * Where the credential value of one {@code &}-separated part starts, or -1: a credential-named parameter at its
     * start, or after a {@code ;} in it (the old CGI separator), as {@link UrlRedaction} reads a query, so what every
     * display masks is also what is sealed. The value runs to the part's end, {@code ;}s included, as the mask does.
     */
    private static int credentialValue(String part) {
        for (int start = 0; start >= 0; start = nextAfter(part, ';', start)) {
            int equals = part.indexOf('=', start);
            if (equals < 0) {
                return -1;
            }
            String name = part.substring(start, equals);
            if (!name.contains(";") && equals < part.length() - 1 && UrlRedaction.isCredentialParameter(name)) {
                return equals + 1;
            }
        }
        return -1;
    }

    private static int nextAfter(String text, char c, int from) {
        int at = text.indexOf(c, from);
        return at < 0 ? -1 : at + 1;
    }

    /** Whether any credential value of the URL's query satisfies {@code test}. */
    static boolean any(String url, Predicate<String> test) {
        boolean[] found = {false};
        replaced(url, value -> {
            found[0] |= test.test(value);
            return value;
        });
        return found[0];
    }
}

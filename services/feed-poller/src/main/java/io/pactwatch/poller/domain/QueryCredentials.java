package io.pactwatch.poller.domain;

import io.pactwatch.contracts.UrlRedaction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Finds the credentials a feed URL carries in its query ({@code ?token=…}, {@code api_key=…}: parameters named as
 * {@link UrlRedaction#isCredentialParameter} says), so {@link CredentialSeal} can seal and open their values in place.
 * Everything else in the URL, the order of the parameters and their separators included, stays as written.
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
            int equals = part.indexOf('=');
            if (equals > 0 && equals < part.length() - 1 && UrlRedaction.isCredentialParameter(part.substring(0, equals))) {
                out.append(part, 0, equals + 1).append(change.apply(part.substring(equals + 1)));
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

package io.pactwatch.classifier.domain;

/**
 * Cheap necessary conditions for the rule patterns: a pattern whose every match contains one of a few literals
 * cannot match a text that holds none of them, so the (much dearer) regular expression is skipped. Results never
 * change; only work that cannot find anything is avoided.
 */
final class Literals {

    private Literals() {
    }

    /** True when {@code s} contains at least one of {@code needles}. */
    static boolean any(String s, String... needles) {
        for (String n : needles) {
            if (s.indexOf(n) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code s[from, to)} contains at least one of {@code needles}. */
    static boolean any(String s, int from, int to, String... needles) {
        for (String n : needles) {
            int at = s.indexOf(n, from);
            if (at >= 0 && at + n.length() <= to) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code s} holds an ASCII digit (what {@code \d} matches without UNICODE_CHARACTER_CLASS). */
    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}

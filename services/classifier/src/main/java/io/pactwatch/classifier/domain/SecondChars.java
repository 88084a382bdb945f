package io.pactwatch.classifier.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ASCII characters may follow a given first character in a match of a tracker phrase group, found by running
 * the group itself on each two-character text: if the match attempt neither succeeds nor reaches the text's end
 * ({@link Matcher#hitEnd()}), it decided on those two characters alone, so no text that starts with them can match
 * there. {@link PhrasePattern} then skips such a word start without resetting a matcher (most word starts: "the",
 * "and", "to" pass the first-character filter of a tracker's phrases but not this one). A group whose source holds an
 * assertion that reads before the match (a look-behind, a word boundary, {@code ^}, {@code \G}) is not probed: the
 * two-character text has nothing before it, unlike the article.
 */
final class SecondChars {

    private SecondChars() {
    }

    /**
     * True when a match of {@code alternative} may be judged on a text that starts where the match does: its source
     * holds nothing that reads the text before the match start (read conservatively: a look-behind or named group,
     * {@code \b \B \A \G}, or a {@code ^} outside a class opening rules it out).
     */
    static boolean probeable(String alternative) {
        if (alternative.contains("(?<")) {
            return false;
        }
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            if (c == '\\' && i + 1 < alternative.length() && "bBAG".indexOf(alternative.charAt(i + 1)) >= 0) {
                return false;
            }
            if (c == '^' && (i == 0 || alternative.charAt(i - 1) != '[')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ASCII characters that may follow {@code first} at the start of a match of {@code group} (used as
     * {@link PhrasePattern} uses it: transparent, non-anchoring bounds), as two 64-bit masks.
     */
    static long[] after(Pattern group, char first) {
        long[] may = new long[2];
        Matcher m = group.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
        for (char second = 0; second < 128; second++) {
            m.reset(new String(new char[] {first, second}));
            if (m.lookingAt() || m.hitEnd()) {
                may[second >> 6] |= 1L << (second & 63);
            }
        }
        return may;
    }

    /** False only when {@code seconds} is known and {@code second}, an ASCII character, is not in it. */
    static boolean may(long[] seconds, char second) {
        return seconds == null || second >= 128 || (seconds[second >> 6] & (1L << (second & 63))) != 0;
    }
}

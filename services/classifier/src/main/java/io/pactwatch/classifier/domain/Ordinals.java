package io.pactwatch.classifier.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Reads the ordinal of a negotiation round from words ("fourth round"), digits ("4th round", "3rd round") or
 * the numbered form ("round three", "round 2"); null when the round is not numbered ("the latest round").
 */
public final class Ordinals {

    private static final List<String> ORDINAL_WORDS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth");
    private static final List<String> CARDINAL_WORDS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    /** Each match begins with an ordinal word or a digit. */
    static final AnchoredPattern BEFORE = AnchoredPattern.beginningWith("\\b(" + String.join("|", ORDINAL_WORDS)
            + "|\\d{1,2}(?:st|nd|rd|th))(?:[- ](?:and[- ]final|and[- ]last|formal|official|full|new|substantive|plenary))?[\\s-]+rounds?\\b",
            Stream.concat(ORDINAL_WORDS.stream(), Stream.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))
                    .toArray(String[]::new));
    static final AnchoredPattern AFTER = AnchoredPattern.beginningWith("\\bround\\s+(?:no\\.?\\s*|number\\s+|#)?("
            + String.join("|", CARDINAL_WORDS) + "|\\d{1,2})\\b", "round");

    private Ordinals() {
    }

    /** The round number stated nearest to {@code near} in a lower-cased text, or null. */
    public static Integer roundNumber(String lower, int near) {
        if (lower.indexOf("round") < 0) {
            return null;
        }
        Integer best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (AnchoredPattern p : List.of(BEFORE, AFTER)) {
            for (Matcher m = p.first(lower); m != null; m = p.next(m, lower)) {
                Integer value = value(m.group(1));
                int distance = Math.abs(m.start() - near);
                if (value != null && distance < bestDistance) {
                    best = value;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    static Integer value(String token) {
        int i = ORDINAL_WORDS.indexOf(token);
        if (i >= 0) {
            return i + 1;
        }
        i = CARDINAL_WORDS.indexOf(token);
        if (i >= 0) {
            return i + 1;
        }
        String digits = token.replaceAll("\\D", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }
}

package io.pactwatch.classifier.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences at terminal punctuation, without splitting after abbreviations ("Mr.", "Jan.")
 * or initialisms ("U.S.") unless a typical sentence opener follows them.
 */
public final class SentenceSegmenter {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col",
            "sen", "rep", "gov", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "no", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "jr", "sr", "corp", "adm", "maj", "capt",
            "sgt", "amb", "min", "pres", "approx", "dept", "est", "fig", "vol");
    private static final Set<String> OPENERS = Set.of("The", "A", "An", "It", "This", "That", "These", "Those", "He",
            "She", "They", "We", "I", "In", "On", "At", "But", "And", "However", "Meanwhile", "Its", "Their", "His",
            "Her", "After", "Before", "According", "Earlier", "Later", "Last", "Under", "While", "As", "Both", "There");

    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{Lu}\\.)+\\p{Lu}");

    private SentenceSegmenter() {
    }

    /** Sentence spans [start, end) of {@code text} between {@code from} and {@code to}, trimmed. */
    public static List<int[]> split(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int end = i + 1;
                while (end < to && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end >= to) {
                    break;
                }
                if (Character.isWhitespace(text.charAt(end)) && nextStartsSentence(text, end, to)
                        && !(c == '.' && isAbbreviation(text, i, end, to))) {
                    addTrimmed(text, start, end, spans);
                    start = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        addTrimmed(text, start, to, spans);
        return spans;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '.'
                || c == '!' || c == '?';
    }

    private static boolean nextStartsSentence(String text, int from, int to) {
        int j = from;
        while (j < to && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j >= to) {
            return false;
        }
        char n = text.charAt(j);
        return Character.isUpperCase(n) || Character.isDigit(n) || n == '"' || n == '\u201C' || n == '\''
                || n == '\u2018' || n == '(' || n == '[';
    }

    private static boolean isAbbreviation(String text, int dot, int end, int to) {
        int w = dot;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, dot);
        if (word.isEmpty()) {
            return false;
        }
        boolean initialism = word.length() == 1 && Character.isUpperCase(word.charAt(0))
                || INITIALISM.matcher(word).matches();
        if (initialism) {
            return !OPENERS.contains(nextWord(text, end, to));
        }
        return ABBREVIATIONS.contains(word.toLowerCase());
    }

    private static String nextWord(String text, int from, int to) {
        int j = from;
        while (j < to && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        int k = j;
        while (k < to && Character.isLetter(text.charAt(k))) {
            k++;
        }
        return text.substring(j, k);
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> spans) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            spans.add(new int[] {s, e});
        }
    }
}

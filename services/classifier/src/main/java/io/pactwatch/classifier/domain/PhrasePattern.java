package io.pactwatch.classifier.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tracker phrase pattern ({@link Tracker#anyOf}) that answers exactly as {@link Matcher#find()} does, but only
 * tries, at each position, the alternatives whose first-character set holds that position's character. The tracker
 * patterns are long case-insensitive alternations, and trying every alternative at every position was the
 * classifier's hottest path. Alternatives are tried in their order, each with the same boundary assertions, so the
 * first alternative that matches (and thus the match end) is the one the whole pattern would pick. For ASCII
 * characters the alternatives that may start with the character are compiled together, in order, into one pattern,
 * so a position costs one match attempt, not one per alternative, and none when the next character cannot follow
 * there ({@link SecondChars}). When the source cannot be read (an unknown
 * construct, inline flags, back-references), the plain pattern is used.
 */
final class PhrasePattern {

    private static final int SAFE_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String BEFORE = Tracker.WORD_START + "(?:";
    private static final String AFTER = ")" + Tracker.WORD_END;

    private final Pattern pattern;
    private final Pattern[] alternatives;
    private final BitSet[] firsts;
    /** For each ASCII character, the index in {@code asciiGroups} of its alternatives joined, or -1 when none. */
    private final int[] asciiGroup;
    /** The distinct joins of the alternatives that may start with an ASCII character (each in pattern order). */
    private final Pattern[] asciiGroups;
    /**
     * For each ASCII first character, the ASCII second characters (bits 0-63 and 64-127) a match starting with the
     * pair may have, as {@link SecondChars} found by running its group on the pair; null: not known (try the group).
     */
    private final long[][] asciiSeconds;
    /** One matcher per alternative and per ASCII group, and thread, reset onto each text (not thread-safe). */
    private final ThreadLocal<Slots> matchers;

    /** A thread's matchers (alternatives first, then ASCII groups) and the text each was last pointed at. */
    private record Slots(Matcher[] matchers, String[] texts) {
    }

    private PhrasePattern(Pattern pattern) {
        this.pattern = pattern;
        List<String> parts = (pattern.flags() & ~SAFE_FLAGS) == 0 ? alternativesOf(pattern.pattern()) : null;
        List<BitSet> sets = new ArrayList<>();
        if (parts != null) {
            for (String part : parts) {
                BitSet set = FirstChars.of(part);
                if (set == null) {
                    parts = null;
                    break;
                }
                sets.add(set);
            }
        }
        if (parts == null) {
            alternatives = null;
            firsts = null;
            asciiGroup = null;
            asciiGroups = null;
            asciiSeconds = null;
            matchers = null;
            return;
        }
        alternatives = new Pattern[parts.size()];
        firsts = sets.toArray(new BitSet[0]);
        for (int i = 0; i < alternatives.length; i++) {
            alternatives[i] = Pattern.compile(BEFORE + parts.get(i) + AFTER, pattern.flags());
        }
        asciiGroup = new int[128];
        asciiSeconds = new long[128][];
        Map<List<Integer>, Integer> groupOf = new LinkedHashMap<>();
        List<Pattern> groups = new ArrayList<>();
        for (char c = 0; c < 128; c++) {
            List<Integer> candidates = Arrays.stream(startingWith(c)).boxed().toList();
            if (candidates.isEmpty()) {
                asciiGroup[c] = -1;
                continue;
            }
            List<String> joined = candidates.stream().map(parts::get).toList();
            asciiGroup[c] = groupOf.computeIfAbsent(candidates, k -> {
                groups.add(Pattern.compile(BEFORE + String.join("|", joined) + AFTER, pattern.flags()));
                return groups.size() - 1;
            });
            if (joined.stream().allMatch(SecondChars::probeable)) {
                asciiSeconds[c] = SecondChars.after(groups.get(asciiGroup[c]), c);
            }
        }
        asciiGroups = groups.toArray(new Pattern[0]);
        int slots = alternatives.length + asciiGroups.length;
        matchers = ThreadLocal.withInitial(() -> new Slots(new Matcher[slots], new String[slots]));
    }

    /** A wrapper for {@code pattern}, or null for null. */
    static PhrasePattern of(Pattern pattern) {
        return pattern == null ? null : new PhrasePattern(pattern);
    }

    /** True when positions and alternatives are filtered; false when the plain pattern runs. */
    boolean prefiltered() {
        return alternatives != null;
    }

    /** Same answer as {@code pattern.matcher(s).find()}. */
    boolean find(String s) {
        if (alternatives == null) {
            return pattern.matcher(s).find();
        }
        Slots ms = slots();
        for (int at = 0; at < s.length(); at++) {
            if (matchAt(s, at, ms) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Same answer as iterating {@code pattern.matcher(s).region(from, to).find()}: the offset of the first match
     * starting at or after {@code after}; otherwise the first match's start plus {@code to}; -1 when none.
     */
    int firstAfter(String s, int from, int to, int after) {
        if (alternatives == null) {
            Matcher m = pattern.matcher(s).region(from, to);
            int firstStart = -1;
            while (m.find()) {
                if (m.start() >= after) {
                    return m.start();
                }
                if (firstStart < 0) {
                    firstStart = m.start() + to;
                }
            }
            return firstStart;
        }
        // region(from, to) has opaque, anchoring bounds: the same as matching the substring on its own
        String sub = s.substring(from, to);
        Slots ms = slots();
        int firstStart = -1;
        int at = 0;
        while (at < sub.length()) {
            int end = matchAt(sub, at, ms);
            if (end < 0) {
                at++;
                continue;
            }
            if (at + from >= after) {
                return at + from;
            }
            if (firstStart < 0) {
                firstStart = at + from + to;
            }
            at = end == at ? at + 1 : end;
        }
        return firstStart;
    }

    /**
     * Starts of the successive matches of {@code pattern.matcher(s).region(from, to).find()}, as offsets in
     * {@code s}.
     */
    int[] starts(String s, int from, int to) {
        int[] out = new int[4];
        int n = 0;
        if (alternatives == null) {
            Matcher m = pattern.matcher(s).region(from, to);
            while (m.find()) {
                out = n == out.length ? Arrays.copyOf(out, n * 2) : out;
                out[n++] = m.start();
            }
            return Arrays.copyOf(out, n);
        }
        String sub = s.substring(from, to);
        Slots ms = slots();
        int at = 0;
        while (at < sub.length()) {
            int end = matchAt(sub, at, ms);
            if (end < 0) {
                at++;
                continue;
            }
            out = n == out.length ? Arrays.copyOf(out, n * 2) : out;
            out[n++] = at + from;
            at = end == at ? at + 1 : end;
        }
        return Arrays.copyOf(out, n);
    }

    /** This thread's matchers (created on first use, pointed at a text when first tried on it). */
    private Slots slots() {
        return matchers.get();
    }

    /** End of the match the whole pattern would find starting at {@code at}, or -1. */
    private int matchAt(String s, int at, Slots slots) {
        if (at > 0 && insideWord(s.charAt(at - 1))) {
            return -1;
        }
        char c = s.charAt(at);
        if (c < 128) {
            int g = asciiGroup[c];
            if (g < 0 || at + 1 < s.length() && !SecondChars.may(asciiSeconds[c], s.charAt(at + 1))) {
                return -1;
            }
            return endOfMatchAt(asciiGroups[g], alternatives.length + g, s, at, slots);
        }
        for (int i : startingWith(c)) {
            int end = endOfMatchAt(alternatives[i], i, s, at, slots);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** End of the match of {@code p} (held in matcher slot {@code slot}) starting at {@code at}, or -1. */
    private static int endOfMatchAt(Pattern p, int slot, String s, int at, Slots slots) {
        Matcher m = slots.matchers()[slot];
        if (m == null) {
            m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            slots.matchers()[slot] = m;
            slots.texts()[slot] = s;
        } else if (slots.texts()[slot] != s) {
            m.reset(s);
            slots.texts()[slot] = s;
        }
        return m.region(at, s.length()).lookingAt() ? m.end() : -1;
    }

    /** True when {@link Tracker#WORD_START} fails after {@code before}: a letter or number (\\p{L}, \\p{N}). */
    private static boolean insideWord(char before) {
        if (Character.isSurrogate(before)) {
            return false;
        }
        int type = Character.getType(before);
        return Character.isLetter(before) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private int[] startingWith(char c) {
        int n = 0;
        int[] out = new int[firsts.length];
        for (int i = 0; i < firsts.length; i++) {
            if (FirstChars.mayStart(firsts[i], c)) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The alternatives joined by {@link Tracker#anyOf}, or null when the source has another shape. */
    static List<String> alternativesOf(String src) {
        if (!src.startsWith(BEFORE) || !src.endsWith(AFTER)) {
            return null;
        }
        String body = src.substring(BEFORE.length(), src.length() - AFTER.length());
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 < body.length() && body.charAt(i + 1) == 'Q') {
                    int end = body.indexOf("\\E", i + 2);
                    if (end < 0) {
                        return null;
                    }
                    i = end + 2;
                } else {
                    i += 2;
                }
                continue;
            }
            if (c == '[') {
                i = classEnd(body, i);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(body.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        if (depth != 0) {
            return null;
        }
        out.add(body.substring(start));
        return out;
    }

    /** Offset just past the character class opening at {@code open} (nested classes allowed), or -1. */
    private static int classEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            return -1;
        }
        int depth = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}

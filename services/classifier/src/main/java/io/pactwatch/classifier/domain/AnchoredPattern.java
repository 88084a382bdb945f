package io.pactwatch.classifier.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule pattern with the literals that anchor its matches, so its successive matches are searched from just before
 * the next anchor instead of position by position: {@code java.util.regex} has no literal skip for patterns that
 * open with {@code \b} and an alternation, and scanning whole sentences with them was most of the trigger and date
 * rules' time. Answers exactly as {@link Matcher#find()} does, provided every match of the pattern begins with one of
 * the anchors ({@link #beginningWith}), or holds one at most n whitespace-separated runs after the run it starts in
 * ({@link #near}); each use states why, and {@code AnchoredPatternEquivalenceTest} checks it against the plain scan.
 */
final class AnchoredPattern {

    private final Pattern pattern;
    /**
     * -1: every match begins with an anchor; n >= 0: an anchor begins at most n runs after the match's run; no
     * anchors: a plain scan.
     */
    private final int runsBefore;
    private final String[] anchors;
    /** A second, independent anchoring (null when none): every match also holds one of these. */
    private final AnchoredPattern also;

    private AnchoredPattern(Pattern pattern, int runsBefore, String[] anchors, AnchoredPattern also) {
        this.pattern = pattern;
        this.runsBefore = runsBefore;
        this.anchors = anchors;
        this.also = also;
    }

    /** Every match of {@code regex} begins with one of {@code anchors}. */
    static AnchoredPattern beginningWith(String regex, String... anchors) {
        return create(Pattern.compile(regex), -1, anchors);
    }

    /**
     * Every match of {@code pattern} holds one of {@code anchors}, beginning in the whitespace-separated run the match
     * starts in or at most {@code runsBefore} runs after it ({@code \s} separates runs; a hyphen does not).
     */
    static AnchoredPattern near(Pattern pattern, int runsBefore, String... anchors) {
        if (runsBefore < 0) {
            throw new IllegalArgumentException("runsBefore must be >= 0");
        }
        return create(pattern, runsBefore, anchors);
    }

    static AnchoredPattern near(String regex, int runsBefore, String... anchors) {
        return near(Pattern.compile(regex), runsBefore, anchors);
    }

    /** A pattern without anchors, scanned position by position as {@link Matcher#find()} scans it. */
    static AnchoredPattern unanchored(String regex) {
        return new AnchoredPattern(Pattern.compile(regex), -1, new String[0], null);
    }

    /**
     * This pattern with a second anchoring that holds too: every match also holds one of {@code more}, beginning at
     * most {@code runsBefore} runs after the match's run. The search starts at the later of the two bounds.
     */
    AnchoredPattern alsoNear(int runsBefore, String... more) {
        if (anchors.length == 0 || also != null) {
            throw new IllegalStateException("only an anchored pattern takes one second anchoring");
        }
        return new AnchoredPattern(pattern, this.runsBefore, anchors, near(pattern, runsBefore, more));
    }

    private static AnchoredPattern create(Pattern pattern, int runsBefore, String[] anchors) {
        if (anchors.length == 0) {
            throw new IllegalArgumentException("an anchored pattern needs anchors");
        }
        return new AnchoredPattern(pattern, runsBefore, anchors.clone(), null);
    }

    Pattern pattern() {
        return pattern;
    }

    /** A plain matcher over {@code s}, for comparison with the anchored search. */
    Matcher matcher(String s) {
        return pattern.matcher(s);
    }

    /**
     * The first match in {@code s}, as the first {@code matcher(s).find()} finds it: a matcher holding it, or null
     * when there is none (no matcher is made when no anchor occurs).
     */
    Matcher first(String s) {
        return find(null, s, 0);
    }

    /** The match after the one {@code m} holds, as the next {@code m.find()} finds it; null when there is none. */
    Matcher next(Matcher m, String s) {
        return find(m, s, m.end() == m.start() ? m.end() + 1 : m.end());
    }

    private Matcher find(Matcher m, String s, int from) {
        if (from > s.length()) {
            return null;
        }
        int start = from;
        if (anchors.length > 0) {
            start = earliestStart(s, from);
            int alsoStart = also == null ? start : also.earliestStart(s, from);
            if (start < 0 || alsoStart < 0) {
                return null;
            }
            start = Math.max(start, alsoStart);
        }
        Matcher matcher = m == null ? pattern.matcher(s) : m;
        return matcher.find(start) ? matcher : null;
    }

    /** The earliest offset at or after {@code from} where a match can start, or -1 when none can. */
    private int earliestStart(String s, int from) {
        int anchor = firstAnchor(s, from);
        if (anchor < 0) {
            return -1;
        }
        return runsBefore < 0 ? anchor : Math.max(from, Triggers.runsBack(s, anchor, runsBefore));
    }

    /** Where {@link Matcher#find()} would search next after the match {@code m} holds. */
    static int next(Matcher m) {
        return m.end() == m.start() ? m.end() + 1 : m.end();
    }

    private int firstAnchor(String s, int from) {
        int first = -1;
        for (String a : anchors) {
            int at = s.indexOf(a, from);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}

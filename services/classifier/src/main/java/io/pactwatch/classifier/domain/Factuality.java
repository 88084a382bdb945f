package io.pactwatch.classifier.domain;

import java.util.regex.Pattern;

/**
 * Decides whether a trigger states a real event: questions, denials ("reports are premature"), negation in the
 * trigger's scope and hypotheticals ("if", "unless") do not; attribution to anonymous sources or reports lowers the
 * certainty to EXPECTED. Works on the lower-cased sentence.
 */
public final class Factuality {

    private static final Pattern DENIAL = Pattern.compile("\\b(denied|denies|deny|denying|refuted|refutes|dismissed|"
            + "dismisses|premature|unfounded|false|fake|untrue|rumou?rs?|no agreement|no deal|not true|called off|"
            + "postponed|postpones|delayed|cancel+ed|cancels|suspended|collapsed|broke down|stalled|shelved|"
            + "froze|frozen|halted)\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(not|no|never|neither|nor|yet to|refused|refuses|"
            + "refuse|declined|declines|decline|failed|fails|fail|without|unlikely|cannot|hardly|instead of)\\b|n['\u2019]t\\b");
    private static final Pattern NEUTRAL_NEGATION = Pattern.compile("\\b(no later than|not only|no longer than|not least|"
            + "no fewer than|not later than|non-)\\b?");
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(if|unless|whether|in case|would have|could have|"
            + "should have|suppose|supposing|imagine|hypothetical\\w*|what if|even if|only once|only when|only after|"
            + "provided that|on condition)\\b");
    private static final Pattern CONDITION_AFTER = Pattern.compile("^[^,;.]*?\\b(only once|only if|only when|only after|"
            + "provided that|on condition that|unless)\\b");
    private static final Pattern HEDGE = Pattern.compile("\\b(reportedly|allegedly|purportedly|according to (media|sources|"
            + "reports|people)|sources (said|say|says|told|familiar)|citing (\\w+ ){0,2}sources|unnamed|anonymous|"
            + "rumou?red|(reports|reported) (that|said|say)|is said to|are said to|believed to)\\b");
    private static final Pattern CLAUSE_START = Pattern.compile(".*(;|, but |, while | but | although | though | however,|, and |\u2014| - )");

    /** Every match of {@code DENIAL} contains one of these. */
    private static final String[] DENIAL_STEMS = {"deni", "deny", "refut", "dismiss", "premature", "unfounded",
        "false", "fake", "untrue", "rumo", "no agreement", "no deal", "not true", "called off", "postpone", "delayed",
        "cancel", "suspended", "collapsed", "broke down", "stalled", "shelved", "froze", "halted"};
    /** Every match of {@code HEDGE} contains one of these. */
    private static final String[] HEDGE_STEMS = {"reportedly", "allegedly", "purportedly", "according to ",
        "sources ", "citing ", "unnamed", "anonymous", "rumo", "report", "said to", "believed to"};

    private Factuality() {
    }

    /** True when the sentence asks, denies or negates/hypothesises the trigger at {@code at}. */
    public static boolean isCounterFactual(String lower, int at, int end) {
        if (isQuestion(lower) || Literals.any(lower, DENIAL_STEMS) && DENIAL.matcher(lower).find()) {
            return true;
        }
        String clause = clauseBefore(lower, at) + " " + lower.substring(at, end);
        String cleaned = NEUTRAL_NEGATION.matcher(clause).replaceAll(" ");
        String after = lower.substring(end, Math.min(lower.length(), end + 40));
        return NEGATION.matcher(cleaned).find() || HYPOTHETICAL.matcher(clause).find()
                || CONDITION_AFTER.matcher(after).find();
    }

    public static boolean isHedged(String lower) {
        return Literals.any(lower, HEDGE_STEMS) && HEDGE.matcher(lower).find();
    }

    static boolean isQuestion(String lower) {
        String s = lower.strip();
        while (!s.isEmpty() && "\"'\u201D\u2019)".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith("?");
    }

    /** The part of the trigger's clause before it (at most 60 characters). */
    private static String clauseBefore(String lower, int at) {
        String before = lower.substring(Math.max(0, at - 60), at);
        var m = CLAUSE_START.matcher(before);
        if (m.lookingAt()) {
            return before.substring(m.end());
        }
        return before;
    }
}

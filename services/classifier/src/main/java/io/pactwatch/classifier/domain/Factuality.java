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

    /** Every match of {@code NEGATION} contains one of these. */
    private static final String[] NEGATION_STEMS = {"no", "never", "neither", "yet to", "refuse", "decline", "fail",
        "without", "unlikely", "hardly", "instead of", "n'", "n\u2019"};
    /** Every match of {@code HYPOTHETICAL} contains one of these. */
    private static final String[] HYPOTHETICAL_STEMS = {"if", "unless", "whether", "in case", "have", "suppos",
        "imagine", "hypothetical", "only once", "only when", "only after", "provided that", "on condition"};
    /** Every match of {@code CONDITION_AFTER} contains one of these. */
    private static final String[] CONDITION_STEMS = {"only ", "provided that", "on condition that", "unless"};
    /** Every match of {@code CLAUSE_START} contains one of these. */
    private static final String[] CLAUSE_BREAKS = {";", " but ", ", while ", " although ", " though ", " however,",
        ", and ", "\u2014", " - "};

    private Factuality() {
    }

    /** True when the sentence asks, denies or negates/hypothesises the trigger at {@code at}. */
    public static boolean isCounterFactual(String lower, int at, int end) {
        return asksOrDenies(lower) || negatesOrSupposes(lower, at, end);
    }

    /** The sentence-wide part of {@link #isCounterFactual}: a question or a denial. */
    static boolean asksOrDenies(String lower) {
        return isQuestion(lower) || Literals.any(lower, DENIAL_STEMS) && DENIAL.matcher(lower).find();
    }

    /** The trigger's part of {@link #isCounterFactual}: negation or a hypothetical in its clause, a condition after. */
    static boolean negatesOrSupposes(String lower, int at, int end) {
        String clause = clauseBefore(lower, at) + " " + lower.substring(at, end);
        // every NEUTRAL_NEGATION phrase contains "no"
        String cleaned = clause.indexOf("no") >= 0 ? NEUTRAL_NEGATION.matcher(clause).replaceAll(" ") : clause;
        if (Literals.any(cleaned, NEGATION_STEMS) && NEGATION.matcher(cleaned).find()) {
            return true;
        }
        if (Literals.any(clause, HYPOTHETICAL_STEMS) && HYPOTHETICAL.matcher(clause).find()) {
            return true;
        }
        String after = lower.substring(end, Math.min(lower.length(), end + 40));
        return Literals.any(after, CONDITION_STEMS) && CONDITION_AFTER.matcher(after).find();
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
        if (!Literals.any(before, CLAUSE_BREAKS)) {
            return before;
        }
        var m = CLAUSE_START.matcher(before);
        if (m.lookingAt()) {
            return before.substring(m.end());
        }
        return before;
    }
}

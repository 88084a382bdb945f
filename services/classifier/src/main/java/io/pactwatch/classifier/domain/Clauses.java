package io.pactwatch.classifier.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence into clauses at coordinating and subordinating breaks, so a recap clause ("..., after Germany
 * signed in February") does not taint the news clause, and each trigger keeps the counterparts of its own clause.
 */
final class Clauses {

    /** Every match of {@code BREAK} begins with one of these. */
    private static final String[] BREAK_STEMS = {";", ", ", " while ", " whereas ", "\u2014", " \u2013 ", " - ",
        " that ", " which ", " who "};

    /** Each alternative begins with one of {@code BREAK_STEMS}. */
    static final AnchoredPattern BREAK = AnchoredPattern.beginningWith(";|, (?:and|but|while|whereas|although|though|after|"
            + "before|when|which|who|where|as|since|following|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\\d+) "
            + "(?:hours?|days?|weeks?|months?|years?) (?:after|before|since))\\b"
            + "| (?:while|whereas) |\u2014| \u2013 | - | (?:that|which|who) (?=\\w+ed\\b|has\\b|have\\b|had\\b|was\\b|were\\b|is\\b|are\\b)", BREAK_STEMS);

    private static final Pattern LEADING_ADJUNCT = Pattern.compile("^(?:[\\w-]+\\s+){0,3}?(after|following|since)\\b[^,;]{3,160},");

    private static final Pattern DEPENDENT = Pattern.compile("(?:, )?(where|when|which|who|after|following|as|since|that)\\b");
    private static final Pattern PRIOR = Pattern.compile("(?:, )?(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\\d+) "
            + "(?:hours?|days?|weeks?|months?|years?) )?(after|following|since)\\b");

    private final List<int[]> spans = new ArrayList<>();
    private final boolean leadingAdjunct;
    private final boolean framing;

    Clauses(String lower) {
        Matcher lead = LEADING_ADJUNCT.matcher(lower);
        leadingAdjunct = lower.indexOf(',') >= 0 && Literals.any(lower, "after", "following", "since") && lead.find();
        framing = leadingAdjunct && "since".equals(lead.group(1));
        int start = 0;
        if (leadingAdjunct) {
            spans.add(new int[] {0, lead.end() - 1});
            start = lead.end() - 1;
        }
        boolean breaks = Literals.any(lower, BREAK_STEMS);
        for (Matcher m = breaks ? BREAK.first(lower) : null; m != null; m = BREAK.next(m, lower)) {
            if (m.start() <= start) {
                continue;
            }
            spans.add(new int[] {start, m.start()});
            start = m.start();
        }
        spans.add(new int[] {start, lower.length()});
    }

    /** True when the clause is a sentence-initial temporal adjunct ("Three days after X signed, ..."). */
    boolean isLeadingAdjunct(int clause) {
        return leadingAdjunct && clause == 0;
    }

    /** True for a relative or temporal clause hung on the sentence (", where …", ", which …", ", after …"). */
    boolean isDependent(String lower, int clause) {
        return clause > 0 && DEPENDENT.matcher(lower.substring(start(clause), end(clause))).lookingAt();
    }

    /** True for a clause that tells what happened before the main event (", a week after X signed theirs"). */
    boolean isPrior(String lower, int clause) {
        return clause > 0 && PRIOR.matcher(lower.substring(start(clause), end(clause))).lookingAt();
    }

    /** A leading "Since January," frames the whole sentence: its dates belong to the main clause too. */
    boolean framesSentence() {
        return framing;
    }

    int of(int at) {
        for (int i = 0; i < spans.size(); i++) {
            if (at >= spans.get(i)[0] && at < spans.get(i)[1]) {
                return i;
            }
        }
        return spans.size() - 1;
    }

    int count() {
        return spans.size();
    }

    int start(int clause) {
        return spans.get(clause)[0];
    }

    int end(int clause) {
        return spans.get(clause)[1];
    }
}

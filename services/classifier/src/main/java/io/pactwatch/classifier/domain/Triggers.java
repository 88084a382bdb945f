package io.pactwatch.classifier.domain;

import io.pactwatch.contracts.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event-type rules: verb lemmas of signing combined with tense, aspect and modality (future and modal
 * auxiliaries, "to"-infinitives of scheduling verbs, "close to", passive future, progressive) to tell a planned
 * signing from a done one; rounds and openings come from {@link TalkTriggers}. Works on the lower-cased sentence.
 */
public final class Triggers {

    private static final String SIGN_VERB = "(?:(?:sign|ink)\\b(?!\\s+(?:up|of)\\b)|put\\s+(?:\\w+\\s+)?(?:pen to paper|signatures?)\\b|(?:seal|conclude|finali[sz]e)\\s+"
            + "(?:[\\w-]+\\s+){0,4}?(?:agreement|deal|pact|accord|treaty|document)s?\\b|(?:seal|conclude|finali[sz]e)\\s+(?:it|them)\\b)";
    private static final String GAP = "(?:[\\w'\u2019-]+\\s+){0,2}?";

    /**
     * Anchored at the signing verb, which begins at most four runs after the match's run: optional word, modal, two
     * gap words, verb ("put" for "put pen to paper"); and at the modal, in the match's first run or the next.
     */
    static final AnchoredPattern PLANNED_MODAL = AnchoredPattern.near("(?:\\b(\\w+)\\.?\\s+)?\\b(will|shall|would|could|may|might|'ll|\u2019ll|to)\\s+"
            + GAP + SIGN_VERB, 4, "put", "sign", "ink", "seal", "conclude", "finali")
            .alsoNear(1, "will", "shall", "would", "could", "may", "might", "'ll", "\u2019ll", "to");
    /** Anchored at the participle: "set to be formally signed" puts it four runs after the first. */
    static final AnchoredPattern PLANNED_PASSIVE = AnchoredPattern.near("\\b(will|shall|would|could|may|might|to|set to|due to)\\s+be\\s+"
            + "(?:\\w+\\s+)?(signed|inked|sealed|concluded|finali[sz]ed)\\b", 4, "signed", "inked", "sealed", "concluded",
            "finalized", "finalised");
    static final AnchoredPattern PLANNED_CLOSE = AnchoredPattern.beginningWith("\\b(close to|closer to|nearing|near|on the verge of|poised for|"
            + "ready for|set for|edging toward|edging towards)\\s+(?:\\w+\\s+){0,2}?(signing|finali[sz]ing|concluding|sealing|"
            + "(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?(agreement|deal|pact|accord)s?)\\b", "close", "near", "on the verge of",
            "poised for", "ready for", "set for", "edging toward");
    /** Each alternative begins with a "sign" word or a scheduling word. */
    static final AnchoredPattern PLANNED_SCHEDULED = AnchoredPattern.beginningWith("\\b(signings?|signing ceremony|signature)\\s+(?:[\\w,-]+\\s+){0,12}?"
            + "(is|are|was|were|has been|have been)\\s+(scheduled|planned|expected|slated|set|due|pencilled|penciled)\\b"
            + "|\\b(signings?|signing ceremony|signature)\\s+(?:[\\w-]+\\s+){0,2}?(scheduled|planned|expected|slated|set|due)\\b"
            + "|\\b(upcoming|planned|expected|scheduled|forthcoming|imminent)\\s+signings?\\b"
            + "|\\b(scheduled|planned|expected|slated|set|due)\\s+(for|to take place)\\s+(?:\\w+\\s+){0,6}?signing\\b",
            "sign", "upcoming", "planned", "expected", "scheduled", "forthcoming", "imminent", "slated", "set", "due");
    /** Anchored at "signing", at most two runs after the auxiliary's run ("they're quietly signing"). */
    static final AnchoredPattern PLANNED_PROGRESSIVE = AnchoredPattern.near("\\b(is|are|was|were|am|'re|\u2019re)\\s+"
            + "(?:\\w+\\s+)?signing\\s+(?!ceremony)(?:the|a|an|its|their|our|two|three|new|bilateral|security|[\\w-]+)\\b",
            2, "signing");
    static final AnchoredPattern SIGNED_PAST = AnchoredPattern.beginningWith("\\b(signed|inked|sealed)\\b", "signed", "inked",
            "sealed");
    static final AnchoredPattern SIGNED_CONCLUDED = AnchoredPattern.beginningWith("\\b(concluded|clinched)\\s+(?:[\\w-]+\\s+){0,4}?"
            + "(agreement|deal|pact|accord|treaty)s?\\b", "concluded", "clinched");
    /** Anchored at the verb, one run after the subject word. */
    static final AnchoredPattern SIGNED_PRESENT = AnchoredPattern.near("\\b(\\w+)\\s+(signs?|inks?|seals?)\\b(?!\\s+(up|of|that|off|in)\\b)",
            1, "sign", "ink", "seal");
    static final AnchoredPattern SIGNED_IDIOM = AnchoredPattern.beginningWith("\\b(put|puts)\\s+(?:\\w+\\s+)?(pen to paper|signatures?\\s+(on|to))\\b",
            "put");
    static final AnchoredPattern SIGNED_CEREMONY = AnchoredPattern.beginningWith("\\bsigning(?:\\s+ceremony)?\\s+(took place|was held|happened)\\b",
            "signing");
    private static final Pattern ORDINAL_SUBJECT = Pattern.compile("\\b(first|second|third|fourth|fifth|sixth|seventh|"
            + "eighth|ninth|tenth|\\d+(?:st|nd|rd|th)|last|latest|only|newest|most recent)\\s+(?:[\\w-]+\\s+){0,2}?"
            + "(country|countries|nation|nations|state|states|partner|partners|ally|allies|member|members|government|"
            + "leader|one)\\s*$");
    private static final Pattern WISH_BEFORE = Pattern.compile("\\b(hopes?|hoped|hoping|wants?|wanted|wish(es|ed)?|"
            + "urged?|urges|calls? on|called on|asked|asks|would like|prays?|dreams?)\\b(?![^,;]*[,;])");
    private static final Set<String> WISH = Set.of("aim", "aims", "aiming", "hope", "hopes", "hoping", "seek", "seeks",
            "seeking", "want", "wants", "intend", "intends");
    private static final Pattern CONCRETE_TIME = Pattern.compile("^[^.;]{0,80}?\\b(on (monday|tuesday|wednesday|thursday|"
            + "friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|"
            + "december)\\b|next week|this week|tomorrow|at (the|a|next week's|this week's) [\\w-]+ (summit|meeting|"
            + "conference)|during (the|a) [\\w-]+ (summit|visit))");
    private static final Set<String> ASPIRATION = Set.of("hope", "hopes", "hoped", "hoping", "want", "wants", "wanted",
            "wanting", "seek", "seeks", "seeking", "sought", "aim", "aims", "aiming", "try", "tries", "trying", "wish",
            "wishes", "push", "pushes", "pushing", "urge", "urged", "urges", "call", "calls", "called", "like",
            "eager", "keen", "willing", "struggle", "struggled", "strive", "strives", "asked", "ask", "asks",
            "refused", "refuse", "refuses", "declined", "decline", "failed", "fail", "fails", "yet", "unable",
            "unlikely", "able", "order", "how", "ought", "need", "needs", "needed", "pressed", "pressing");
    private static final Set<String> NOT_A_SIGNING_SUBJECT = Set.of("a", "an", "the", "any", "no", "this", "that",
            "clear", "first", "early", "positive", "encouraging", "some", "all", "road", "street", "to", "will", "would",
            "could", "may", "might", "shall", "should", "must", "can", "cannot", "not", "didn't", "did", "does", "do",
            "never", "also", "soon", "warning", "many", "several", "these", "those", "other", "more", "few");

    /** Every match of a signing verb ({@code SIGN_VERB} and its inflections) contains one of these. */
    private static final String[] SIGN_STEMS = {"sign", "ink", "pen to paper", "seal", "conclude", "finali"};
    private static final String[] CLOSE_STEMS = {"close", "near", "verge", "poised", "ready for", "set for", "edging"};
    /** Every match of {@code PLANNED_SCHEDULED} contains "sign" and one of these. */
    private static final String[] SCHEDULE_WORDS = {"scheduled", "planned", "expected", "slated", "set", "due", "pencil",
        "upcoming", "forthcoming", "imminent"};

    private Triggers() {
    }

    /** Every trigger in a lower-cased sentence; a round suppresses a talks-opened trigger of the same sentence. */
    public static List<Trigger> find(String lower) {
        List<Trigger> out = new ArrayList<>();
        List<int[]> plannedSpans = new ArrayList<>();
        addPlanned(lower, out, plannedSpans);
        addSigned(lower, out, plannedSpans);
        TalkTriggers.add(lower, out);
        return out;
    }

    private static void addPlanned(String lower, List<Trigger> out, List<int[]> spans) {
        boolean signVerb = Literals.any(lower, SIGN_STEMS);
        for (Matcher m = signVerb ? PLANNED_MODAL.first(lower) : null; m != null; m = PLANNED_MODAL.next(m, lower)) {
            spans.add(new int[] {m.start(2), m.end()});
            if ("to".equals(m.group(2)) && ORDINAL_SUBJECT.matcher(lower.substring(0, m.start(2))).find()) {
                out.add(new Trigger(EventType.SIGNED, "signed.ordinal-infinitive", m.start(2), m.end()));
            } else if ((m.group(1) == null || !ASPIRATION.contains(m.group(1)))
                    && !WISH_BEFORE.matcher(lower.substring(Math.max(0, m.start(2) - 60), m.start(2))).find()) {
                out.add(new Trigger(EventType.SIGNING_PLANNED, "planned.modal-" + m.group(2).replace('\u2019', '\''), m.start(2), m.end()));
            } else if (m.group(1) != null && WISH.contains(m.group(1)) && CONCRETE_TIME.matcher(lower.substring(m.end())).find()) {
                out.add(new Trigger(EventType.SIGNING_PLANNED, "planned.aim-with-date", m.start(2), m.end()));
            }
        }
        for (Matcher m = signVerb ? PLANNED_PASSIVE.first(lower) : null; m != null; m = PLANNED_PASSIVE.next(m, lower)) {
            spans.add(new int[] {m.start(), m.end()});
            if (!ASPIRATION.contains(wordBefore(lower, m.start()))) {
                out.add(new Trigger(EventType.SIGNING_PLANNED, "planned.passive-future", m.start(), m.end()));
            }
        }
        boolean signing = lower.indexOf("sign") >= 0;
        for (Matcher m = signing ? PLANNED_PROGRESSIVE.first(lower) : null; m != null; m = PLANNED_PROGRESSIVE.next(m, lower)) {
            spans.add(new int[] {m.start(), m.end()});
            out.add(new Trigger(EventType.SIGNING_PLANNED, "planned.progressive-signing", m.start(), m.end()));
        }
        boolean close = Literals.any(lower, CLOSE_STEMS);
        for (Matcher m = close ? PLANNED_CLOSE.first(lower) : null; m != null; m = PLANNED_CLOSE.next(m, lower)) {
            spans.add(new int[] {m.start(), m.end()});
            out.add(new Trigger(EventType.SIGNING_PLANNED, "planned.close-to", m.start(), m.end()));
        }
        boolean scheduled = signing && Literals.any(lower, SCHEDULE_WORDS);
        for (Matcher m = scheduled ? PLANNED_SCHEDULED.first(lower) : null; m != null; m = PLANNED_SCHEDULED.next(m, lower)) {
            spans.add(new int[] {m.start(), m.end()});
            out.add(new Trigger(EventType.SIGNING_PLANNED, "planned.scheduled-signing", m.start(), m.end()));
        }
    }

    private static void addSigned(String lower, List<Trigger> out, List<int[]> planned) {
        boolean signVerb = Literals.any(lower, SIGN_STEMS);
        for (Matcher m = signVerb ? SIGNED_PAST.first(lower) : null; m != null; m = SIGNED_PAST.next(m, lower)) {
            if (!inside(planned, m.start())) {
                out.add(new Trigger(EventType.SIGNED, "signed.past-tense", m.start(), m.end()));
            }
        }
        boolean concluded = Literals.any(lower, "concluded", "clinched");
        for (Matcher m = concluded ? SIGNED_CONCLUDED.first(lower) : null; m != null; m = SIGNED_CONCLUDED.next(m, lower)) {
            if (!inside(planned, m.start())) {
                out.add(new Trigger(EventType.SIGNED, "signed.concluded", m.start(), m.end()));
            }
        }
        for (Matcher m = signVerb ? SIGNED_PRESENT.first(lower) : null; m != null; m = SIGNED_PRESENT.next(m, lower)) {
            if (!inside(planned, m.start(2)) && !NOT_A_SIGNING_SUBJECT.contains(m.group(1))) {
                out.add(new Trigger(EventType.SIGNED, "signed.present-tense", m.start(2), m.end()));
            }
        }
        boolean put = lower.indexOf("put") >= 0;
        for (Matcher m = put ? SIGNED_IDIOM.first(lower) : null; m != null; m = SIGNED_IDIOM.next(m, lower)) {
            if (!inside(planned, m.start())) {
                out.add(new Trigger(EventType.SIGNED, "signed.pen-to-paper", m.start(), m.end()));
            }
        }
        boolean signing = lower.indexOf("signing") >= 0;
        for (Matcher m = signing ? SIGNED_CEREMONY.first(lower) : null; m != null; m = SIGNED_CEREMONY.next(m, lower)) {
            out.add(new Trigger(EventType.SIGNED, "signed.ceremony-held", m.start(), m.end()));
        }
    }

    /**
     * Start of the run of non-{@code \\s} characters holding {@code at}, moved back over {@code runs} more runs: no
     * match made of at most that many runs separated by {@code \\s+} and ending at or after {@code at} starts earlier.
     */
    static int runsBack(String s, int at, int runs) {
        int i = Math.min(at, s.length());
        while (i > 0 && !isRegexSpace(s.charAt(i - 1))) {
            i--;
        }
        for (int r = 0; r < runs && i > 0; r++) {
            while (i > 0 && isRegexSpace(s.charAt(i - 1))) {
                i--;
            }
            while (i > 0 && !isRegexSpace(s.charAt(i - 1))) {
                i--;
            }
        }
        return i;
    }

    /** What {@code \\s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean inside(List<int[]> spans, int at) {
        for (int[] s : spans) {
            if (at >= s[0] && at < s[1]) {
                return true;
            }
        }
        return false;
    }

    private static String wordBefore(String lower, int at) {
        int e = at;
        while (e > 0 && lower.charAt(e - 1) == ' ') {
            e--;
        }
        int s = e;
        while (s > 0 && Character.isLetter(lower.charAt(s - 1))) {
            s--;
        }
        return lower.substring(s, e);
    }
}

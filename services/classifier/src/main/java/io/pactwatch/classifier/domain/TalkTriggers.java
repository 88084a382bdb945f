package io.pactwatch.classifier.domain;

import io.pactwatch.contracts.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The negotiation rules: a round held (ordinal or not) or talks opened, in non-future context; an opening verb that
 * is part of a round phrase ("began the third round of talks") counts as the round only.
 */
final class TalkTriggers {

    private static final String TALK_NOUN = "(talks|negotiations|consultations|discussions)";
    static final AnchoredPattern ROUND_NOUN = AnchoredPattern.beginningWith("\\brounds?\\s+of\\s+(?:[\\w-]+\\s+){0,3}?"
            + TALK_NOUN + "\\b", "round");
    /** Not anchored: {@code [\\s-]+} lets any number of runs ("fourth - - round") come before "round". */
    static final AnchoredPattern ROUND_ORDINAL = AnchoredPattern.unanchored("\\b(\\w+)(?:[- ]\\w+)?[\\s-]+round\\b|\\bround\\s+(one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\b");
    static final AnchoredPattern ROUND_HELD = AnchoredPattern.beginningWith("\\b(held|hold|holds|holding|conducted|conduct|conducts|had|completed|"
            + "concluded|wrapped up|finished|continued|resumed)\\s+(?:[\\w'\u2019.,-]+\\s+){0,5}?" + TALK_NOUN + "\\b",
            "held", "hold", "conduct", "had", "completed", "concluded", "wrapped up", "finished", "continued", "resumed");
    static final AnchoredPattern ROUND_MET = AnchoredPattern.beginningWith("\\b(met|meet|meets)\\s+(?:[\\w'\u2019.,-]+\\s+){0,8}?(to (?:discuss|negotiate|work on)|for (?:talks|negotiations|consultations))\\b",
            "met", "meet");
    static final AnchoredPattern TALKS_BEGAN = AnchoredPattern.beginningWith("\\b(began|begun|begin|begins|started|start|starts|launched|launch|launches|"
            + "opened|open|opens|initiated|commenced|kicked off|kick off|kicks off|entered into|entered)\\s+(?:[\\w'\u2019.,-]+\\s+){0,6}?"
            + "(talks|negotiations|consultations|negotiating|to negotiate|the negotiation process|the process|work on|"
            + "working on|drafting)\\b", "beg", "start", "launch", "open", "initiated", "commenced", "kick", "entered");
    static final AnchoredPattern TALKS_HAVE_BEGUN = AnchoredPattern.beginningWith("\\b" + TALK_NOUN + "\\s+(?:[\\w'\u2019.,-]+\\s+){0,10}?"
            + "(?:have|has|had)?\\s*(begun|started|opened|got underway|gotten underway|kicked off|began|commenced)\\b",
            "talks", "negotiations", "consultations", "discussions");
    static final AnchoredPattern TALKS_START_OF = AnchoredPattern.beginningWith("\\b(start|launch|opening|beginning|commencement|kick-off|kickoff)\\s+of\\s+"
            + "(?:[\\w-]+\\s+){0,3}?" + TALK_NOUN + "\\b", "start", "launch", "opening", "beginning", "commencement",
            "kick-off", "kickoff");
    private static final Pattern FUTURE_BEFORE = Pattern.compile("\\b(will|shall|would|could|may|might|to|'ll|\u2019ll|next|"
            + "upcoming|planned|plans?|scheduled|expected|intends?|ahead of|prepare|prepares|preparing)\\s+(?:[\\w-]+\\s+){0,3}?$");
    private static final Pattern FUTURE_AFTER = Pattern.compile("^[^,;]{0,120}?\\b(will|shall|would|is|are|to be)\\s+(?:\\w+\\s+)?"
            + "(scheduled|planned|expected|set|slated|due|take place|be held|begin|start|open)\\b");
    private static final Pattern ANAPHORIC_ROUND = Pattern.compile("\\b(after|following|since|before|ahead of|during)\\s+"
            + "(the|a|its|their)\\s+(latest|last|previous|recent|most recent)\\s+$");

    /** Every match of {@code TALK_NOUN} is one of these. */
    private static final String[] TALK_NOUNS = {"talks", "negotiations", "consultations", "discussions"};
    /** Every match of the object group of {@code TALKS_BEGAN} contains one of these. */
    private static final String[] BEGAN_OBJECTS = {"talks", "negotiat", "consultations", "the process", "work on",
        "working on", "drafting"};

    private TalkTriggers() {
    }

    /** False when the sentence lacks a literal that every match of {@code p} contains. */
    private static boolean mayMatch(AnchoredPattern p, String lower) {
        if (p == ROUND_NOUN) {
            return lower.indexOf("round") >= 0 && Literals.any(lower, TALK_NOUNS);
        } else if (p == ROUND_ORDINAL) {
            return lower.indexOf("round") >= 0;
        } else if (p == ROUND_MET) {
            return Literals.any(lower, "met", "meet");
        } else if (p == TALKS_BEGAN) {
            return Literals.any(lower, BEGAN_OBJECTS);
        }
        return Literals.any(lower, TALK_NOUNS);
    }

    /** Round and talks-opened triggers of a lower-cased sentence. */
    static void add(String lower, List<Trigger> out) {
        addTalksOpened(lower, out, addRounds(lower, out));
    }

    private static List<int[]> addRounds(String lower, List<Trigger> out) {
        List<int[]> spans = new ArrayList<>();
        for (AnchoredPattern p : List.of(ROUND_NOUN, ROUND_ORDINAL, ROUND_HELD, ROUND_MET)) {
            if (!mayMatch(p, lower)) {
                continue;
            }
            for (Matcher m = p.first(lower); m != null; m = p.next(m, lower)) {
                if (p == ROUND_ORDINAL && m.group(1) != null && Ordinals.roundNumber(m.group(), 0) == null) {
                    continue;
                }
                spans.add(new int[] {m.start(), m.end()});
                if (ANAPHORIC_ROUND.matcher(lower.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                    continue;
                }
                if (!isFuture(lower, m.start(), m.end())) {
                    String rule = p == ROUND_NOUN ? "round.round-of-talks" : p == ROUND_ORDINAL ? "round.numbered-round"
                            : p == ROUND_HELD ? "round.held-talks" : "round.met-to-negotiate";
                    out.add(new Trigger(EventType.ROUND, rule, m.start(), m.end()));
                }
            }
        }
        return spans;
    }

    /** Talks-opened triggers that are not part of a round phrase ("began the third round of talks" is a round). */
    private static void addTalksOpened(String lower, List<Trigger> out, List<int[]> rounds) {
        for (AnchoredPattern p : List.of(TALKS_BEGAN, TALKS_HAVE_BEGUN, TALKS_START_OF)) {
            if (!mayMatch(p, lower)) {
                continue;
            }
            for (Matcher m = p.first(lower); m != null; m = p.next(m, lower)) {
                if (!isFuture(lower, m.start(), m.end()) && !overlaps(rounds, m.start(), m.end())) {
                    String rule = p == TALKS_BEGAN ? "talks.began-verb" : p == TALKS_HAVE_BEGUN ? "talks.have-begun"
                            : "talks.start-of";
                    int triggerStart = p == TALKS_HAVE_BEGUN ? m.start(2) : m.start();
                    out.add(new Trigger(EventType.TALKS_OPENED, rule, triggerStart, m.end()));
                }
            }
        }
    }

    /** Future or modal context right before the match, or a scheduling predicate right after it. */
    static boolean isFuture(String lower, int start, int end) {
        String before = lower.substring(Math.max(0, start - 40), start);
        String after = lower.substring(end, Math.min(lower.length(), end + 140));
        if (FUTURE_BEFORE.matcher(before).find()) {
            return true;
        }
        return FUTURE_AFTER.matcher(after).find();
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && end > s[0]) {
                return true;
            }
        }
        return false;
    }
}

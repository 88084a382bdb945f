package io.pactwatch.classifier.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells background from news in a sentence: recap adverbs ("already", "previously", "so far"), stated dates older
 * than the tracker's recent window, and the pluperfect and present perfect of the body recapping earlier steps.
 */
public final class Background {

    private static final Pattern RECAP = Pattern.compile("\\b(already|previously|so far|thus far|to date|last year|"
            + "a year ago|years ago|months ago|in the past|until now|since then|before that|at the time|"
            + "back in|by now|over the past|in recent months|earlier(?! (today|on|this week|in the day))|"
            + "most recently|recently|lately|list of|among (the )?(countries|nations|states|partners)|such (an? )?(agreement|pact|deal|accord|document)s?|"
            + "by the end of)\\b");
    private static final Pattern PERFECT = Pattern.compile("\\b(have|has|had|'ve)\\s+(?:\\w+\\s+)?(signed|inked|sealed|concluded|held|begun|started|opened)\\b");
    static final AnchoredPattern PLURAL_PARTICIPLE = AnchoredPattern.beginningWith("\\b(agreements|deals|pacts|accords|documents|ones|"
            + "treaties|guarantees)\\s+(?:already\\s+|previously\\s+)?(signed|inked|sealed|concluded)\\b", "agreements", "deals",
            "pacts", "accords", "documents", "ones", "treaties", "guarantees");
    private static final Pattern PLUPERFECT = Pattern.compile("\\bhad\\s+(?:\\w+\\s+)?(signed|inked|sealed|concluded|held|begun|started|opened)\\b");

    /** Every match of {@code RECAP} contains one of these. */
    private static final String[] RECAP_STEMS = {"already", "previously", "so far", "thus far", "to date", "last year",
        "year ago", "years ago", "months ago", "in the past", "until now", "since then", "before that", "at the time",
        "back in", "by now", "over the past", "in recent months", "earlier", "recently", "lately", "list of", "among",
        "such", "by the end of"};
    /** Every match of the participles in {@code PERFECT} and {@code PLUPERFECT} contains one of these. */
    private static final String[] PARTICIPLES = {"signed", "inked", "sealed", "concluded", "held", "begun", "started",
        "opened"};

    private Background() {
    }

    public static boolean hasRecapMarker(String lower) {
        return Literals.any(lower, RECAP_STEMS) && RECAP.matcher(lower).find();
    }

    public static boolean isPerfect(String lower) {
        return Literals.any(lower, PARTICIPLES) && PERFECT.matcher(lower).find();
    }

    /** "deals signed with Britain and Germany": a class of earlier agreements, not a new signing. */
    public static boolean isPluralParticiple(String lower) {
        return Literals.any(lower, "signed", "inked", "sealed", "concluded") && PLURAL_PARTICIPLE.first(lower) != null;
    }

    public static boolean isPluperfect(String lower) {
        return lower.indexOf("had") >= 0 && Literals.any(lower, PARTICIPLES) && PLUPERFECT.matcher(lower).find();
    }

    /** True when a stated date of the sentence ends before the recent window and none falls inside it. */
    public static boolean onlyOldDates(List<DateMention> dates, LocalDate published, int recentDays) {
        if (dates.isEmpty()) {
            return false;
        }
        LocalDate horizon = published.minusDays(recentDays);
        for (DateMention d : dates) {
            if (!d.last().isBefore(horizon)) {
                return false;
            }
        }
        return true;
    }

    /** True when a stated day (not a week or month) falls inside the recent window (or later). */
    public static boolean hasRecentDay(List<DateMention> dates, LocalDate published, int recentDays) {
        LocalDate horizon = published.minusDays(recentDays);
        for (DateMention d : dates) {
            if (d.isDay() && !d.first().isBefore(horizon)) {
                return true;
            }
        }
        return false;
    }

    /** "last week", "in May": only coarse dates, all over before publication - stale for a done event. */
    public static boolean onlyCoarsePastDates(List<DateMention> dates, LocalDate published) {
        if (dates.isEmpty()) {
            return false;
        }
        for (DateMention d : dates) {
            if (d.isDay() || !d.last().isBefore(published)) {
                return false;
            }
        }
        return true;
    }

    /** True when a stated date falls inside the recent window (or later). */
    public static boolean hasRecentDate(List<DateMention> dates, LocalDate published, int recentDays) {
        LocalDate horizon = published.minusDays(recentDays);
        for (DateMention d : dates) {
            if (!d.last().isBefore(horizon) && d.precision() != DateMention.Precision.YEAR) {
                return true;
            }
        }
        return false;
    }
}

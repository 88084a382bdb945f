package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.PlaceMention.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the counterpart mentions of a sentence: gazetteer mentions minus the subject, barred codes, places used as
 * venues ("in Italy", "the Vilnius summit") and capitals that open a longer proper name ("Washington Post").
 */
public final class Counterparts {

    /** Spans at most three runs ("hosted by the ", "in Kyiv, "). */
    static final Pattern VENUE_BEFORE = Pattern.compile("(?:\\b(?:[Ii]n|[Aa]t|near|inside|outside|across|around|"
            + "hosted by|held in|visit to|visits to|trip to|journey to|arrival in|stop in)\\s+(?:the\\s+)?"
            + "|\\bin\\s+\\p{Lu}[\\p{L}-]+,\\s+)$");
    private static final Pattern VENUE_AFTER = Pattern.compile("^(?:['\u2019]s)?\\s+(summit|conference|declaration|format|"
            + "forum|communiqu\\w*|meeting|talks venue|process|airport|embassy|office|post|times|journal)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROPER_NAME_AFTER = Pattern.compile("^\\s+(?!And\\b|and\\b|The\\b|On\\b|In\\b)\\p{Lu}\\p{Ll}+");
    static final Pattern PROPER_NAME_BEFORE = Pattern.compile("\\p{Lu}\\p{Ll}+\\s+$");

    static final Pattern GIVEN_NAME_BEFORE = Pattern.compile("(?<=[\\p{L},] )\\p{Lu}\\p{Ll}+ $");

    private static final Pattern RANGE = Pattern.compile("\\b[Ff]rom\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*"
            + "\\s+to\\s+(?:the\\s+)?\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*");

    private Counterparts() {
    }

    /** "From London to Tokyo": a range that stands for breadth, not for the parties. */
    private static boolean inRange(String text, int from, int to, PlaceMention m) {
        if (!Literals.any(text, from, to, "rom")) {
            return false;
        }
        var r = RANGE.matcher(text).region(from, to);
        while (r.find()) {
            if (m.start() >= r.start() && m.end() <= r.end()) {
                return true;
            }
        }
        return false;
    }

    /** "Luis Montenegro", "Jordan" as a surname: a capitalised word right before, itself not sentence-initial. */
    private static boolean partOfPersonName(String before) {
        return endsWith(GIVEN_NAME_BEFORE, before, 1);
    }

    /**
     * What {@code p.matcher(s).find()} answers for a pattern that matches only at the end of {@code s} (or before a
     * final line terminator) and spans at most {@code runs} whitespace-separated runs: searched from the start of
     * the run that many runs back from the end, not from the start of {@code s}.
     */
    static boolean endsWith(Pattern p, String s, int runs) {
        return p.matcher(s).find(Triggers.runsBack(s, s.length(), runs));
    }

    /** Headline-style capitalisation ("Talks With US Have Begun"), where capitals say nothing about names. */
    static boolean isTitleCase(String text, int from, int to) {
        int words = 0;
        int capitalised = 0;
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < to && isWordChar(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            if (i - start > 3) {
                words++;
                if (Character.isUpperCase(text.charAt(start))) {
                    capitalised++;
                }
            }
        }
        return words > 0 && capitalised * 10 >= words * 9;
    }

    /** A character of {@code WORD}: {@code [\\p{L}'\u2019-]}. */
    private static boolean isWordChar(int cp) {
        return Character.isLetter(cp) || cp == '\'' || cp == '\u2019' || cp == '-';
    }

    /** Subject mentioned in text[from, to) by gazetteer or tracker alias. */
    public static boolean mentionsSubject(Tracker tracker, List<PlaceMention> mentions, String text, int from, int to) {
        for (PlaceMention m : mentions) {
            if (m.place().code().equals(tracker.subjectCode())) {
                return true;
            }
        }
        return tracker.subjectAliases() != null && tracker.subjectAliases().matcher(text).region(from, to).find();
    }

    /** Counterpart mentions, in text order. */
    public static List<PlaceMention> of(Tracker tracker, List<PlaceMention> mentions, String text, int from, int to) {
        boolean titleCase = isTitleCase(text, from, to);
        List<PlaceMention> out = new ArrayList<>();
        for (PlaceMention m : mentions) {
            String code = m.place().code();
            if (!tracker.allowsCounterpart(code)) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
            if (m.form() != Form.DEMONYM && endsWith(VENUE_BEFORE, before, 3)) {
                continue;
            }
            if (VENUE_AFTER.matcher(after).find()) {
                continue;
            }
            boolean oneWord = text.substring(m.start(), m.end()).indexOf(' ') < 0;
            if (m.form() == Form.CAPITAL && oneWord && (PROPER_NAME_AFTER.matcher(after).find()
                    || endsWith(PROPER_NAME_BEFORE, before, 1))) {
                continue;
            }
            if (inRange(text, from, to, m)) {
                continue;
            }
            if (m.form() == Form.NAME && !titleCase && partOfPersonName(before)) {
                continue;
            }
            out.add(m);
        }
        return out;
    }
}

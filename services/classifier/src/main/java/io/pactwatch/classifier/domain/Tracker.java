package io.pactwatch.classifier.domain;

import io.pactwatch.contracts.EventType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated tracker, ready to run: compiled phrase patterns, the subject's names and the counterpart filter.
 *
 * @param id              tracker id
 * @param name            human title
 * @param subjectCode     gazetteer code of the tracked party
 * @param subjectAliases  extra names of the subject (case-sensitive, whole words)
 * @param kind            the agreement-kind phrases
 * @param references      words referring back to the agreement
 * @param excluded        other agreement kinds
 * @param include         allowed counterpart codes (empty = all)
 * @param exclude         barred counterpart codes
 * @param eventTypes      types to extract
 * @param leadSentences   content sentences that count as the lead
 * @param recentDays      maximal age of a stated date for news
 */
public record Tracker(String id, String name, String subjectCode, Pattern subjectAliases, Pattern kind,
        Pattern references, Pattern excluded, Set<String> include, Set<String> exclude, Set<EventType> eventTypes,
        int leadSentences, int recentDays) {

    public boolean allowsCounterpart(String code) {
        return !code.equals(subjectCode) && !exclude.contains(code) && (include.isEmpty() || include.contains(code));
    }

    /** Zero-width assertions around every phrase: it starts and ends at a word boundary. */
    static final String WORD_START = "(?<![\\p{L}\\p{N}])";
    static final String WORD_END = "(?![\\p{L}\\p{N}])";

    public static Pattern anyOf(List<String> regexes, boolean caseInsensitive) {
        if (regexes == null || regexes.isEmpty()) {
            return null;
        }
        String joined = WORD_START + "(?:" + String.join("|", regexes.stream().map(r -> "(?:" + r + ")").toList())
                + ")" + WORD_END;
        return Pattern.compile(joined, caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }
}

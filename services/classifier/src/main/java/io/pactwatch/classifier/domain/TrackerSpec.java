package io.pactwatch.classifier.domain;

import java.util.List;

/**
 * A tracker as written in YAML, before validation. See {@code docs/classifier.md} for the format.
 *
 * @param id          stable id, lower-case words joined by dashes
 * @param name        human title
 * @param subject     the party whose agreements are tracked
 * @param agreement   how texts name the agreement kind
 * @param counterparts which parties count as counterparts
 * @param events      event types to extract
 * @param lead        discourse settings
 */
public record TrackerSpec(String id, String name, Subject subject, Agreement agreement, Counterparts counterparts,
        List<String> events, Lead lead) {

    /** The tracked party: its gazetteer code and further names (leaders, institutions) that stand for it. */
    public record Subject(String code, List<String> aliases) {
    }

    /**
     * @param phrases    regular expressions (case-insensitive) naming the tracked agreement kind
     * @param references words that refer back to it once the article is about it ("the deal", "talks")
     * @param excluded   regular expressions naming other kinds of agreement, which veto a reference
     */
    public record Agreement(List<String> phrases, List<String> references, List<String> excluded) {
    }

    /**
     * @param include ISO codes allowed as counterparts, or empty for every gazetteer entry
     * @param exclude ISO codes never reported as counterparts
     */
    public record Counterparts(List<String> include, List<String> exclude) {
    }

    /**
     * @param sentences  how many content sentences after the title and summary count as the lead
     * @param recentDays how old a stated date may be for the sentence to be news rather than background
     */
    public record Lead(Integer sentences, Integer recentDays) {
    }
}

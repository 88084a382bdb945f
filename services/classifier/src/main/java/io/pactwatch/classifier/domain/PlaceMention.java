package io.pactwatch.classifier.domain;

/**
 * One occurrence of a place in a text, with the form it took.
 *
 * @param place the place
 * @param start offset of the mention
 * @param end   end offset (exclusive)
 * @param form  name, demonym, capital or leader
 */
public record PlaceMention(Place place, int start, int end, Form form) {

    /** How the place was named. */
    public enum Form {
        NAME, DEMONYM, CAPITAL,
        /** A head of state or government, or foreign minister, standing for the country. */
        LEADER
    }
}

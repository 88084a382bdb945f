package io.pactwatch.classifier.domain;

import java.util.List;

/**
 * One sentence as a tracker sees it: lower-cased text, counterpart and venue mentions, and whether it names the
 * subject, the agreement kind, a reference to it or another kind of agreement.
 */
record Analysed(Sentence sentence, String lower, List<PlaceMention> counterparts, boolean subject,
        boolean kind, boolean reference, boolean excluded, List<PlaceMention> venues) {
}

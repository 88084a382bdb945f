package io.pactwatch.classifier.domain;

import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.Evidence;
import io.pactwatch.contracts.ExtractedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an article's candidate events so each real-world step appears once: one event per (counterpart, type,
 * round); an unnumbered round yields to a numbered one or to the opening of talks with the same counterpart, and a
 * planned signing to a signing.
 */
public final class EventMerger {

    private EventMerger() {
    }

    static List<ExtractedEvent> merge(List<Candidate> candidates, String text) {
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            groups.computeIfAbsent(c.place().code() + "|" + c.type() + "|" + c.round(), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> kept = new ArrayList<>();
        for (List<Candidate> group : groups.values()) {
            Candidate best = group.stream().max(Comparator.comparingDouble(Candidate::score)
                    .thenComparing(c -> -c.sentence().start())).orElseThrow();
            if (!best.dated()) {
                for (Candidate c : group) {
                    if (c.dated()) {
                        best = new Candidate(best.place(), best.type(), best.round(), c.date(), best.certainty(),
                                best.score(), best.sentence(), best.rule(), true);
                        break;
                    }
                }
            }
            kept.add(best);
        }
        kept.removeIf(c -> supersededBy(c, kept));
        kept.sort(Comparator.comparingInt((Candidate c) -> c.sentence().start())
                .thenComparing(c -> c.place().code()).thenComparing(Candidate::type));
        List<ExtractedEvent> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            Sentence s = c.sentence();
            out.add(new ExtractedEvent(c.place().code(), c.place().name(), c.type(), c.round(), c.date(),
                    c.certainty(), c.score(), new Evidence(text.substring(s.start(), s.end()), s.start(), s.end(),
                            c.rule())));
        }
        return out;
    }

    private static boolean supersededBy(Candidate c, List<Candidate> all) {
        for (Candidate o : all) {
            if (o == c || !o.place().equals(c.place())) {
                continue;
            }
            if (c.type() == EventType.ROUND && c.round() == null
                    && (o.type() == EventType.ROUND && o.round() != null || o.type() == EventType.TALKS_OPENED)) {
                return true;
            }
            if (c.type() == EventType.SIGNING_PLANNED && o.type() == EventType.SIGNED) {
                return true;
            }
        }
        return false;
    }
}

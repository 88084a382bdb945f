package io.pactwatch.classifier.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assigns a sentence's counterparts to one of its triggers, so "signs pacts with Lithuania and Estonia, opens talks
 * with Croatia" gives Croatia only to the talks.
 */
final class TriggerParties {

    private TriggerParties() {
    }

    /**
     * Counterparts of a trigger: those of its clause that stand before the clause's first trigger (subjects) or
     * between this trigger and the next one (objects); else the whole clause; else clauses without triggers.
     */
    static List<Place> of(List<PlaceMention> counterparts, int base, Clauses clauses, Trigger t, List<Trigger> all) {
        int clause = clauses.of(t.start());
        int firstInClause = Integer.MAX_VALUE;
        int next = clauses.end(clause);
        Set<Integer> triggerClauses = new HashSet<>();
        for (Trigger o : all) {
            int c = clauses.of(o.start());
            triggerClauses.add(c);
            if (c == clause) {
                firstInClause = Math.min(firstInClause, o.start());
                if (o.start() > t.start() && o.type() != t.type()) {
                    next = Math.min(next, o.start());
                }
            }
        }
        List<Place> own = new ArrayList<>();
        List<Place> inClause = new ArrayList<>();
        List<Place> free = new ArrayList<>();
        for (PlaceMention m : counterparts) {
            int at = m.start() - base;
            int c = clauses.of(at);
            if (c == clause) {
                addOnce(inClause, m.place());
                if (at < firstInClause || (at >= t.start() && at < next)) {
                    addOnce(own, m.place());
                }
            } else if (!triggerClauses.contains(c)) {
                addOnce(free, m.place());
            }
        }
        return !own.isEmpty() ? own : !inClause.isEmpty() ? inClause : free;
    }

    private static void addOnce(List<Place> list, Place p) {
        if (!list.contains(p)) {
            list.add(p);
        }
    }
}

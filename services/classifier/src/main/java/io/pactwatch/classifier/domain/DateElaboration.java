package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.Sentence.Zone;
import io.pactwatch.contracts.EventType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dates an event whose sentence states no day from its neighbours: the title's date for a lead restatement, or a
 * following news sentence that elaborates on the event ("The talks, held by video link on May 6, ...").
 */
final class DateElaboration {

    private static final Pattern TALKS_REFERENCE = Pattern.compile("^(the|this|that|these|monday's|tuesday's|"
            + "wednesday's|thursday's|friday's|saturday's|sunday's|the latest|the new)\\s+(talks|negotiations|meeting|"
            + "round|consultations|session)\\b");
    private static final Pattern SIGNING_REFERENCE = Pattern.compile("^(the|this)\\s+(signing|ceremony|agreement|"
            + "pact|deal|accord|document)\\b");

    private DateElaboration() {
    }

    /**
     * An undated event takes the day stated by a following news sentence that elaborates on it by definite
     * reference ("The talks, held by video link on May 6, ...").
     */
    static List<Candidate> apply(List<Candidate> candidates, List<Analysed> analysed,
            LocalDate published) {
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            LocalDate day = c.dated() ? null : elaboratedDay(c, analysed, published);
            out.add(day == null ? c : new Candidate(c.place(), c.type(), c.round(), day, c.certainty(), c.score(),
                    c.sentence(), c.rule(), true));
        }
        return out;
    }

    private static LocalDate elaboratedDay(Candidate c, List<Analysed> analysed, LocalDate published) {
        Pattern reference = c.type() == EventType.SIGNED || c.type() == EventType.SIGNING_PLANNED ? SIGNING_REFERENCE
                : TALKS_REFERENCE;
        boolean done = c.type() != EventType.SIGNING_PLANNED;
        Trigger anchor = new Trigger(c.type(), "", 0, 0);
        if (c.sentence().zone() == Zone.LEAD && !analysed.isEmpty() && analysed.get(0).sentence().zone() == Zone.TITLE) {
            Analysed title = analysed.get(0);
            if (title.triggers().stream().anyMatch(t -> t.type() == c.type())) {
                DateMention d = EventDates.eventDate(title.lower(), title.dates(published),
                        anchor, published, done);
                if (d != null) {
                    return done ? d.first() : DateExpressions.upcoming(published, d);
                }
            }
        }
        int seen = 0;
        for (Analysed a : analysed) {
            if (a.sentence().start() <= c.sentence().start() || !a.sentence().zone().isNews()) {
                continue;
            }
            if (++seen > 2) {
                break;
            }
            boolean restates = c.sentence().zone() == Zone.TITLE
                    && a.triggers().stream().anyMatch(t -> t.type() == c.type());
            if (restates || reference.matcher(a.lower()).find()) {
                DateMention d = EventDates.eventDate(a.lower(), a.dates(published), anchor, published, done);
                if (d != null) {
                    return done ? d.first() : DateExpressions.upcoming(published, d);
                }
            }
        }
        return null;
    }

}

package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.Sentence.Zone;
import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.TrackerVerdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs one tracker over a segmented article: finds the sentences about the tracked agreement, their event triggers
 * and counterparts, drops counterfactual and background statements, and merges the rest into the article's events.
 */
public final class TrackerClassifier {

    private static final Pattern BRIDGING = Pattern.compile("\\b(both sides|the two sides|both countries|the two "
            + "countries|both leaders|the two leaders|the parties|both parties|both governments|the two governments|"
            + "the two delegations|both delegations|the two presidents|the two capitals)\\b"
            + "|^(the|this) (signing|signings|agreement|deal|pact|accord|document|ceremony)\\b");

    private final Tracker tracker;
    private final Gazetteer gazetteer;

    public TrackerClassifier(Tracker tracker, Gazetteer gazetteer) {
        this.tracker = tracker;
        this.gazetteer = gazetteer;
    }

    public Tracker tracker() {
        return tracker;
    }


    /**
     * A signing framed by a capital named before the verb ("In Berlin, Scholz and Zelensky signed") with no partner
     * named: the host is the partner.
     */
    private List<Place> hostCity(Analysed a, int before) {
        int base = a.sentence().start();
        List<Place> hosts = a.venues().stream()
                .filter(v -> v.form() == PlaceMention.Form.CAPITAL && v.start() - base < before
                        && tracker.allowsCounterpart(v.place().code()))
                .map(PlaceMention::place).distinct().toList();
        return hosts.size() == 1 ? hosts : List.of();
    }

    public TrackerVerdict classify(ArticleText article, List<Sentence> sentences, LocalDate published) {
        String text = article.text();
        List<Analysed> analysed = new ArrayList<>(sentences.size());
        boolean kindInNews = false;
        boolean subjectInNews = false;
        boolean kindInTitle = false;
        boolean excludedInNews = false;
        boolean kindAnywhere = false;
        boolean firstStorySentenceSeen = false;
        boolean kindInFirstSentence = false;
        for (Sentence s : sentences) {
            if (s.zone() == Zone.BOILERPLATE) {
                continue;
            }
            List<PlaceMention> mentions = gazetteer.find(text, s.start(), s.end());
            List<PlaceMention> counterparts = Counterparts.of(tracker, mentions, text, s.start(), s.end());
            List<PlaceMention> venues = mentions.stream().filter(m -> !counterparts.contains(m)).toList();
            Analysed a = new Analysed(s, s.text().toLowerCase(Locale.ROOT), counterparts,
                    Counterparts.mentionsSubject(tracker, mentions, text, s.start(), s.end()),
                    find(tracker.kind(), s.text()), find(tracker.references(), s.text()),
                    find(tracker.excluded(), s.text()), venues);
            analysed.add(a);
            kindAnywhere |= a.kind();
            if (s.zone().isNews()) {
                kindInNews |= a.kind();
                subjectInNews |= a.subject();
                excludedInNews |= a.excluded();
            }
            if (s.zone() == Zone.TITLE) {
                kindInTitle = a.kind();
            } else if (s.zone() == Zone.LEAD && !firstStorySentenceSeen && !Boilerplate.isHeadlineLike(s.text())) {
                firstStorySentenceSeen = true;
                kindInFirstSentence = a.kind();
            }
        }
        boolean anchored = kindInNews && subjectInNews;
        List<Candidate> candidates = new ArrayList<>();
        Set<String> newsCounterparts = new HashSet<>();
        List<Place> previous = List.of();
        for (Analysed a : analysed) {
            extract(a, anchored, published, newsCounterparts, previous, candidates);
            if (!a.counterparts().isEmpty()) {
                previous = a.counterparts().stream().map(PlaceMention::place).distinct().toList();
            }
        }
        var events = EventMerger.merge(DateElaboration.apply(candidates, analysed, published), text);
        boolean relevant = !events.isEmpty()
                || ((kindInTitle || kindInFirstSentence) && subjectInNews && !excludedInNews);
        double score;
        if (!events.isEmpty()) {
            score = events.stream().mapToDouble(e -> e.score()).max().orElse(0);
        } else {
            score = relevant ? 0.6 : anchored ? 0.3 : kindAnywhere ? 0.1 : 0.0;
        }
        return new TrackerVerdict(tracker.id(), relevant, round(score), events);
    }

    private void extract(Analysed a, boolean anchored, LocalDate published, Set<String> newsCounterparts,
            List<Place> previous, List<Candidate> out) {
        boolean aboutAgreement = a.kind() || (anchored && a.reference() && !a.excluded());
        if (!aboutAgreement || !(a.subject() || anchored)) {
            return;
        }
        List<Place> bridged = a.counterparts().isEmpty() && a.sentence().zone() != Zone.BODY
                && BRIDGING.matcher(a.lower()).find() && previous.size() <= 2 ? previous : List.of();
        if (a.counterparts().isEmpty() && bridged.isEmpty() && hostCity(a, Integer.MAX_VALUE).isEmpty()) {
            return;
        }
        List<Trigger> triggers = Triggers.find(a.lower());
        if (triggers.isEmpty()) {
            return;
        }
        Sentence s = a.sentence();
        List<DateMention> dates = DateExpressions.find(a.lower(), published);
        boolean hedged = Factuality.isHedged(a.lower());
        Clauses clauses = new Clauses(a.lower());
        for (Trigger t : triggers) {
            if (!tracker.eventTypes().contains(t.type()) || Factuality.isCounterFactual(a.lower(), t.start(), t.end())) {
                continue;
            }
            int clause = clauses.of(t.start());
            if (aboutOtherKind(a.lower(), clauses.start(clause), clauses.end(clause), t)) {
                continue;
            }
            List<Place> places = bridged.isEmpty() ? TriggerParties.of(a.counterparts(), a.sentence().start(), clauses, t, triggers) : bridged;
            if (places.isEmpty() && (t.type() == EventType.SIGNED || t.type() == EventType.SIGNING_PLANNED)) {
                places = hostCity(a, t.start());
            }
            String clauseText = a.lower().substring(clauses.start(clause), clauses.end(clause));
            List<DateMention> clauseDates = dates.stream()
                    .filter(d -> d.start() >= clauses.start(clause) && d.start() < clauses.end(clause)
                            || clauses.framesSentence() && d.start() < clauses.end(0)).toList();
            boolean recent = Background.hasRecentDate(clauseDates, published, tracker.recentDays());
            boolean ordinalNews = "signed.ordinal-infinitive".equals(t.rule())
                    && Background.hasRecentDay(clauseDates, published, tracker.recentDays());
            boolean background = Background.hasRecapMarker(clauseText) && !ordinalNews
                    || Background.onlyOldDates(clauseDates, published, tracker.recentDays())
                    || Background.onlyOldDates(EventDates.nearest(clauseDates, t), published, tracker.recentDays());
            boolean done = t.type() != EventType.SIGNING_PLANNED;
            if (done) {
                background |= places.size() >= 3 && !recent && s.zone() != Zone.TITLE;
                background |= s.zone() != Zone.TITLE && Background.isPluperfect(clauseText) && !recent;
                background |= clauses.isLeadingAdjunct(clause) && !recent;
                background |= s.zone() != Zone.TITLE && Background.isPluralParticiple(clauseText) && !recent;
                background |= s.zone() != Zone.TITLE && clauses.isDependent(a.lower(), clause)
                        && !Background.hasRecentDate(dates, published, tracker.recentDays());
                background |= clauses.isPrior(a.lower(), clause) && !recent;
                background |= s.zone() != Zone.TITLE && Background.onlyCoarsePastDates(clauseDates, published);
                background |= s.zone() == Zone.BODY && !Background.hasRecentDay(clauseDates, published, tracker.recentDays());
            }
            if (background) {
                continue;
            }
            Integer round = t.type() == EventType.ROUND ? Ordinals.roundNumber(a.lower(), t.start()) : null;
            Certainty certainty = done && !hedged ? Certainty.CONFIRMED : Certainty.EXPECTED;
            double score = round(zoneWeight(s.zone()) * (certainty == Certainty.CONFIRMED ? 1.0 : 0.85)
                    * (a.kind() ? 1.0 : 0.9));
            for (Place p : places) {
                DateMention date = EventDates.eventDate(a.lower(), dates, t, published, done, mentionOf(a, p));
                LocalDate day = date == null ? published
                        : done ? date.first() : DateExpressions.upcoming(published, date);
                if (done && s.zone() == Zone.BODY && t.type() == EventType.SIGNED && !recent
                        && !newsCounterparts.contains(p.code())) {
                    continue;
                }
                out.add(new Candidate(p, t.type(), round, day, certainty, score, s, t.rule(), date != null));
                if (s.zone().isNews()) {
                    newsCounterparts.add(p.code());
                }
            }
        }
    }

    /**
     * True when the trigger's clause is about another kind of agreement: an excluded phrase ("minerals deal") in the
     * clause and no agreement phrase, or the excluded phrase nearer after the trigger (its object) than the phrase.
     */
    private boolean aboutOtherKind(String lower, int from, int to, Trigger t) {
        int excluded = firstAfter(tracker.excluded(), lower, from, to, t.start());
        if (excluded < 0) {
            return false;
        }
        int kind = firstAfter(tracker.kind(), lower, from, to, t.start());
        return kind < 0 || excluded < kind;
    }

    /** Offset of the first match in [from, to), preferring matches after {@code after}; -1 when none. */
    private static int firstAfter(Pattern p, String lower, int from, int to, int after) {
        if (p == null) {
            return -1;
        }
        var m = p.matcher(lower).region(from, to);
        int first = -1;
        while (m.find()) {
            if (m.start() >= after) {
                return m.start();
            }
            if (first < 0) {
                first = m.start() + to;
            }
        }
        return first;
    }

    private static int mentionOf(Analysed a, Place p) {
        for (PlaceMention m : a.counterparts()) {
            if (m.place().equals(p)) {
                return m.start() - a.sentence().start();
            }
        }
        return -1;
    }

    private static double zoneWeight(Zone zone) {
        return switch (zone) {
            case TITLE -> 1.0;
            case LEAD -> 0.95;
            default -> 0.75;
        };
    }

    private static boolean find(Pattern p, String s) {
        return p != null && p.matcher(s).find();
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}

package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.Sentence.Zone;
import io.pactwatch.contracts.Certainty;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.TrackerVerdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private final PhrasePattern kind;
    private final PhrasePattern references;
    private final PhrasePattern excluded;
    private final Analysed.Reader reader = new Analysed.Reader() {

        @Override
        public boolean kind(String sentence) {
            return find(kind, sentence);
        }

        @Override
        public boolean reference(String sentence) {
            return find(references, sentence);
        }

        @Override
        public boolean excluded(String sentence) {
            return find(excluded, sentence);
        }

        @Override
        public List<PlaceMention> mentions(String text, int from, int to) {
            return gazetteer.find(text, from, to);
        }

        @Override
        public List<PlaceMention> counterparts(List<PlaceMention> mentions, String text, int from, int to) {
            return Counterparts.of(tracker, mentions, text, from, to);
        }

        @Override
        public boolean subject(List<PlaceMention> mentions, String text, int from, int to) {
            return Counterparts.mentionsSubject(tracker, mentions, text, from, to);
        }
    };

    public TrackerClassifier(Tracker tracker, Gazetteer gazetteer) {
        this.tracker = tracker;
        this.gazetteer = gazetteer;
        this.kind = PhrasePattern.of(tracker.kind());
        this.references = PhrasePattern.of(tracker.references());
        this.excluded = PhrasePattern.of(tracker.excluded());
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
        boolean kindInTitle = false;
        boolean kindAnywhere = false;
        boolean firstStorySentenceSeen = false;
        boolean kindInFirstSentence = false;
        for (Sentence s : sentences) {
            if (s.zone() == Zone.BOILERPLATE) {
                continue;
            }
            Analysed a = new Analysed(s, text, reader);
            analysed.add(a);
            kindAnywhere |= a.kind();
            if (s.zone().isNews()) {
                kindInNews |= a.kind();
            }
            if (s.zone() == Zone.TITLE) {
                kindInTitle = a.kind();
            } else if (s.zone() == Zone.LEAD && !firstStorySentenceSeen && !Boilerplate.isHeadlineLike(s.text())) {
                firstStorySentenceSeen = true;
                kindInFirstSentence = a.kind();
            }
        }
        // the subject is read only beside an agreement phrase in the news, the one place it counts: most articles have
        // none, and are spared the gazetteer and the subject's aliases on every news sentence
        boolean anchored = kindInNews && subjectInNews(analysed);
        List<Candidate> candidates = new ArrayList<>();
        Set<String> newsCounterparts = new HashSet<>();
        for (int i = 0; i < analysed.size(); i++) {
            extract(analysed, i, anchored, published, newsCounterparts, candidates);
        }
        var events = EventMerger.merge(DateElaboration.apply(candidates, analysed, published), text);
        boolean relevant = !events.isEmpty()
                // the title and the first sentence are news: with a phrase there, anchored is "the subject in the news"
                || ((kindInTitle || kindInFirstSentence) && anchored && !excludedInNews(analysed));
        double score;
        if (!events.isEmpty()) {
            score = events.stream().mapToDouble(e -> e.score()).max().orElse(0);
        } else {
            score = relevant ? 0.6 : anchored ? 0.3 : kindAnywhere ? 0.1 : 0.0;
        }
        return new TrackerVerdict(tracker.id(), relevant, round(score), events);
    }

    private static boolean subjectInNews(List<Analysed> analysed) {
        for (Analysed a : analysed) {
            if (a.sentence().zone().isNews() && a.subject()) {
                return true;
            }
        }
        return false;
    }

    private static boolean excludedInNews(List<Analysed> analysed) {
        for (Analysed a : analysed) {
            if (a.sentence().zone().isNews() && a.excluded()) {
                return true;
            }
        }
        return false;
    }

    /** The counterparts of the nearest earlier sentence that names any (what "both sides" refers to). */
    private static List<Place> previousCounterparts(List<Analysed> analysed, int index) {
        for (int j = index - 1; j >= 0; j--) {
            List<PlaceMention> counterparts = analysed.get(j).counterparts();
            if (!counterparts.isEmpty()) {
                return counterparts.stream().map(PlaceMention::place).distinct().toList();
            }
        }
        return List.of();
    }

    private void extract(List<Analysed> analysed, int index, boolean anchored, LocalDate published,
            Set<String> newsCounterparts, List<Candidate> out) {
        Analysed a = analysed.get(index);
        boolean aboutAgreement = a.kind() || (anchored && a.reference() && !a.excluded());
        if (!aboutAgreement || !(a.subject() || anchored)) {
            return;
        }
        List<Place> previous = a.counterparts().isEmpty() && a.sentence().zone() != Zone.BODY
                && BRIDGING.matcher(a.lower()).find() ? previousCounterparts(analysed, index) : List.of();
        List<Place> bridged = previous.size() <= 2 ? previous : List.of();
        if (a.counterparts().isEmpty() && bridged.isEmpty() && hostCity(a, Integer.MAX_VALUE).isEmpty()) {
            return;
        }
        List<Trigger> triggers = a.triggers();
        if (triggers.isEmpty()) {
            return;
        }
        Sentence s = a.sentence();
        List<DateMention> dates = a.dates(published);
        boolean hedged = Factuality.isHedged(a.lower());
        boolean asksOrDenies = Factuality.asksOrDenies(a.lower());
        Clauses clauses = new Clauses(a.lower());
        int[][][] phraseStarts = new int[2][clauses.count()][];
        for (Trigger t : triggers) {
            if (!tracker.eventTypes().contains(t.type()) || asksOrDenies
                    || Factuality.negatesOrSupposes(a.lower(), t.start(), t.end())) {
                continue;
            }
            int clause = clauses.of(t.start());
            if (aboutOtherKind(a.lower(), clauses, clause, t, phraseStarts)) {
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
    private boolean aboutOtherKind(String lower, Clauses clauses, int clause, Trigger t, int[][][] cache) {
        int other = firstAfter(starts(excluded, lower, clauses, clause, cache[0]), clauses.end(clause), t.start());
        if (other < 0) {
            return false;
        }
        int phrase = firstAfter(starts(kind, lower, clauses, clause, cache[1]), clauses.end(clause), t.start());
        return phrase < 0 || other < phrase;
    }

    /** Match starts of a phrase pattern in one clause, computed once per clause. */
    private static int[] starts(PhrasePattern p, String lower, Clauses clauses, int clause, int[][] cache) {
        if (cache[clause] == null) {
            cache[clause] = p == null ? new int[0] : p.starts(lower, clauses.start(clause), clauses.end(clause));
        }
        return cache[clause];
    }

    /** The first match start at or after {@code after}; otherwise the first start plus {@code to}; -1 when none. */
    private static int firstAfter(int[] starts, int to, int after) {
        for (int s : starts) {
            if (s >= after) {
                return s;
            }
        }
        return starts.length == 0 ? -1 : starts[0] + to;
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

    private static boolean find(PhrasePattern p, String s) {
        return p != null && p.find(s);
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}

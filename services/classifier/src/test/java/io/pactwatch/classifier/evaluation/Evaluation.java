package io.pactwatch.classifier.evaluation;

import io.pactwatch.classifier.domain.ArticleInput;
import io.pactwatch.classifier.domain.Classifier;
import io.pactwatch.contracts.EventType;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a classifier against the labelled corpus: relevance and per-type event precision/recall/F1 (an event
 * matches on counterpart and type), round accuracy and date accuracy over matched events, counterpart accuracy
 * over same-type pairs, and the list of misclassified articles.
 */
public final class Evaluation {

    /** True/false positives and false negatives. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", precision(), recall(), f1(), tp, fp, fn);
        }
    }

    public final Counts relevance = new Counts();
    public final Counts events = new Counts();
    public final Map<EventType, Counts> byType = new EnumMap<>(EventType.class);
    public int roundChecked;
    public int roundCorrect;
    public int counterpartChecked;
    public int counterpartCorrect;
    public int dateChecked;
    public int dateCorrect;
    public int articles;
    public final List<String> errors = new ArrayList<>();

    public static Evaluation run(Classifier classifier, String trackerId, List<CorpusArticle> corpus) {
        Evaluation ev = new Evaluation();
        for (EventType t : EventType.values()) {
            ev.byType.put(t, new Counts());
        }
        for (CorpusArticle a : corpus) {
            ev.articles++;
            TrackerVerdict v = classifier.classify(new ArticleInput(a.title(), a.summary(), a.content(), a.published()))
                    .verdicts().stream().filter(x -> x.trackerId().equals(trackerId)).findFirst().orElseThrow();
            ev.score(a, v);
        }
        return ev;
    }

    private void score(CorpusArticle a, TrackerVerdict v) {
        List<String> problems = new ArrayList<>();
        if (v.relevant() && a.relevant()) {
            relevance.tp++;
        } else if (v.relevant()) {
            relevance.fp++;
            problems.add("relevant but labelled not relevant");
        } else if (a.relevant()) {
            relevance.fn++;
            problems.add("not relevant but labelled relevant");
        }
        List<ExtractedEvent> predicted = new ArrayList<>(v.events());
        List<GoldEvent> unmatchedGold = new ArrayList<>();
        for (GoldEvent g : a.events()) {
            ExtractedEvent hit = predicted.stream()
                    .filter(p -> p.counterpart().equals(g.counterpart()) && p.type() == g.type())
                    .findFirst().orElse(null);
            if (hit == null) {
                unmatchedGold.add(g);
                continue;
            }
            predicted.remove(hit);
            events.tp++;
            byType.get(g.type()).tp++;
            counterpartChecked++;
            counterpartCorrect++;
            if (g.type() == EventType.ROUND) {
                roundChecked++;
                if (java.util.Objects.equals(g.round(), hit.round())) {
                    roundCorrect++;
                } else {
                    problems.add("round of " + g + " is " + hit.round());
                }
            }
            if (g.date() != null) {
                dateChecked++;
                if (g.date().equals(hit.date())) {
                    dateCorrect++;
                } else {
                    problems.add("date of " + g + " is " + hit.date());
                }
            }
        }
        for (GoldEvent g : unmatchedGold) {
            ExtractedEvent sameType = predicted.stream().filter(p -> p.type() == g.type()).findFirst().orElse(null);
            if (sameType != null) {
                counterpartChecked++;
                problems.add("counterpart of " + g + " is " + sameType.counterpart());
            }
            events.fn++;
            byType.get(g.type()).fn++;
            problems.add("missed " + g);
        }
        for (ExtractedEvent p : predicted) {
            events.fp++;
            byType.get(p.type()).fp++;
            problems.add("spurious " + p.counterpart() + " " + p.type() + (p.round() == null ? "" : " " + p.round())
                    + " [" + p.evidence().rule() + "] \"" + p.evidence().sentence() + "\"");
        }
        if (!problems.isEmpty()) {
            errors.add(a.id() + ": " + String.join("; ", problems));
        }
    }

    public double roundAccuracy() {
        return roundChecked == 0 ? 1.0 : (double) roundCorrect / roundChecked;
    }

    public double counterpartAccuracy() {
        return counterpartChecked == 0 ? 1.0 : (double) counterpartCorrect / counterpartChecked;
    }

    public double dateAccuracy() {
        return dateChecked == 0 ? 1.0 : (double) dateCorrect / dateChecked;
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("pactwatch classifier - development corpus evaluation (").append(articles).append(" articles)\n");
        sb.append(String.format("  relevance           %s%n", relevance));
        sb.append(String.format("  events (all types)  %s%n", events));
        for (Map.Entry<EventType, Counts> e : byType.entrySet()) {
            sb.append(String.format("    %-16s  %s%n", e.getKey(), e.getValue()));
        }
        sb.append(String.format("  round accuracy       %.3f (%d/%d matched ROUND events)%n", roundAccuracy(), roundCorrect, roundChecked));
        sb.append(String.format("  counterpart accuracy %.3f (%d/%d same-type pairs)%n", counterpartAccuracy(), counterpartCorrect, counterpartChecked));
        sb.append(String.format("  date accuracy        %.3f (%d/%d dated labels)%n", dateAccuracy(), dateCorrect, dateChecked));
        sb.append("  misclassified: ").append(errors.size()).append('\n');
        for (String e : errors) {
            sb.append("    - ").append(e).append('\n');
        }
        return sb.toString();
    }
}

package io.pactwatch.classifier.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One sentence as a tracker sees it: lower-cased text, counterpart and venue mentions, and whether it names the
 * subject, the agreement kind, a reference to it or another kind of agreement. Every reading is computed on first
 * use and kept: most sentences are dropped after the cheap ones (no agreement phrase), and the extraction and the
 * date elaboration of later events read the same triggers and dates. Confined to one classification.
 */
final class Analysed {

    /** What a sentence reading needs from its tracker. */
    interface Reader {

        boolean kind(String sentence);

        boolean reference(String sentence);

        boolean excluded(String sentence);

        List<PlaceMention> mentions(String text, int from, int to);

        List<PlaceMention> counterparts(List<PlaceMention> mentions, String text, int from, int to);

        boolean subject(List<PlaceMention> mentions, String text, int from, int to);
    }

    private final Sentence sentence;
    private final String text;
    private final Reader reader;
    private String lower;
    private Boolean kind;
    private Boolean reference;
    private Boolean excluded;
    private Boolean subject;
    private List<PlaceMention> mentions;
    private List<PlaceMention> counterparts;
    private List<PlaceMention> venues;
    private List<Trigger> triggers;
    private List<DateMention> dates;
    private LocalDate datesPublished;

    Analysed(Sentence sentence, String text, Reader reader) {
        this.sentence = sentence;
        this.text = text;
        this.reader = reader;
    }

    Sentence sentence() {
        return sentence;
    }

    String lower() {
        if (lower == null) {
            lower = sentence.text().toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    boolean kind() {
        if (kind == null) {
            kind = reader.kind(sentence.text());
        }
        return kind;
    }

    boolean reference() {
        if (reference == null) {
            reference = reader.reference(sentence.text());
        }
        return reference;
    }

    boolean excluded() {
        if (excluded == null) {
            excluded = reader.excluded(sentence.text());
        }
        return excluded;
    }

    private List<PlaceMention> mentions() {
        if (mentions == null) {
            mentions = reader.mentions(text, sentence.start(), sentence.end());
        }
        return mentions;
    }

    List<PlaceMention> counterparts() {
        if (counterparts == null) {
            counterparts = reader.counterparts(mentions(), text, sentence.start(), sentence.end());
        }
        return counterparts;
    }

    boolean subject() {
        if (subject == null) {
            subject = reader.subject(mentions(), text, sentence.start(), sentence.end());
        }
        return subject;
    }

    List<PlaceMention> venues() {
        if (venues == null) {
            List<PlaceMention> parties = counterparts();
            venues = mentions().stream().filter(m -> !parties.contains(m)).toList();
        }
        return venues;
    }

    /** {@link Triggers#find} of the lower-cased sentence (read-only). */
    List<Trigger> triggers() {
        if (triggers == null) {
            triggers = List.copyOf(Triggers.find(lower()));
        }
        return triggers;
    }

    /** {@link DateExpressions#find} of the lower-cased sentence for a publication day (read-only). */
    List<DateMention> dates(LocalDate published) {
        if (dates == null || !published.equals(datesPublished)) {
            dates = List.copyOf(DateExpressions.find(lower(), published));
            datesPublished = published;
        }
        return dates;
    }
}

package io.pactwatch.classifier.evaluation;

import io.pactwatch.contracts.EventType;
import java.time.LocalDate;

/**
 * A labelled event, written in the corpus as {@code "CODE TYPE [round|-] [yyyy-mm-dd]"}.
 *
 * @param counterpart ISO code
 * @param type        type
 * @param round       round or null
 * @param date        expected date, null when the label does not check it
 */
public record GoldEvent(String counterpart, EventType type, Integer round, LocalDate date) {

    public static GoldEvent parse(String label) {
        String[] f = label.trim().split("\\s+");
        if (f.length < 2) {
            throw new IllegalArgumentException("bad event label '" + label + "'");
        }
        Integer round = null;
        LocalDate date = null;
        for (int i = 2; i < f.length; i++) {
            if (f[i].matches("\\d{4}-\\d{2}-\\d{2}")) {
                date = LocalDate.parse(f[i]);
            } else if (f[i].matches("\\d+")) {
                round = Integer.valueOf(f[i]);
            } else if (!f[i].equals("-")) {
                throw new IllegalArgumentException("bad event label '" + label + "'");
            }
        }
        return new GoldEvent(f[0], EventType.valueOf(f[1]), round, date);
    }

    @Override
    public String toString() {
        return counterpart + " " + type + (round == null ? "" : " " + round) + (date == null ? "" : " " + date);
    }
}

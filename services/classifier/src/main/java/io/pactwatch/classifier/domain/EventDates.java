package io.pactwatch.classifier.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Chooses an event's date among a sentence's date expressions: the day stated for the counterpart, else the day
 * nearest the trigger, never the date of a speech act ("said on Tuesday"); past days for done events, coming days
 * for planned ones.
 */
final class EventDates {

    static final Pattern ATTRIBUTION = Pattern.compile("\\b(said|says|reported|reports|announced|stated|"
            + "wrote|told [\\w ]{1,20}|added|noted|confirmed|tweeted|posted|according to [\\w ]{1,20})\\s*$");

    private EventDates() {
    }

    /** The date expression closest to the trigger, as a list of zero or one. */
    static List<DateMention> nearest(List<DateMention> dates, Trigger t) {
        DateMention best = null;
        for (DateMention d : dates) {
            if (best == null || Math.abs(d.start() - t.start()) < Math.abs(best.start() - t.start())) {
                best = d;
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    /**
     * The stated day for a counterpart: the first fitting day after its mention ("with Spain on Monday and with
     * Belgium on Tuesday"), else the one nearest the trigger; never the date of a speech act ("said on Tuesday").
     */
    static DateMention eventDate(String lower, List<DateMention> dates, Trigger t, LocalDate published,
            boolean done, int mention) {
        if (mention >= 0) {
            DateMention after = null;
            for (DateMention d : dates) {
                if (d.start() >= mention && fits(lower, d, published, done)
                        && (after == null || d.start() < after.start())) {
                    after = d;
                }
            }
            if (after != null) {
                return after;
            }
        }
        return eventDate(lower, dates, t, published, done);
    }

    static boolean fits(String lower, DateMention d, LocalDate published, boolean done) {
        if (!d.isDay() || ATTRIBUTION.matcher(lower.substring(Math.max(0, d.start() - 30), d.start())).find()) {
            return false;
        }
        return done ? !d.first().isAfter(published.plusDays(1))
                : !d.first().isBefore(published.minusDays(1)) || published.toEpochDay() - d.first().toEpochDay() < 7;
    }

    /** The stated day nearest the trigger, skipping the date of a speech act ("said on Tuesday"). */
    static DateMention eventDate(String lower, List<DateMention> dates, Trigger t, LocalDate published,
            boolean done) {
        DateMention best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (DateMention d : dates) {
            if (!d.isDay() || ATTRIBUTION.matcher(lower.substring(Math.max(0, d.start() - 30), d.start())).find()) {
                continue;
            }
            boolean fits = done ? !d.first().isAfter(published.plusDays(1))
                    : !d.first().isBefore(published.minusDays(1))
                            || published.toEpochDay() - d.first().toEpochDay() < 7;
            int distance = Math.abs(d.start() - t.start());
            if (fits && distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

}

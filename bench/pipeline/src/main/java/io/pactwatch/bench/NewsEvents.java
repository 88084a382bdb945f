package io.pactwatch.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded calendar of agreement events (numbered negotiation rounds and signings with many partner countries), and
 * news reports about them from many outlets: as in real news, a few events are reported very often and most a few
 * times, so a replay sees both repeated reports of one event and a spread of distinct events.
 */
final class NewsEvents {

    /** One real-world event: a numbered round ({@code round > 0}) or the signing ({@code round == 0}) with a country. */
    record Event(String country, int round, LocalDate day) {
    }

    /** A report's text and when its outlet published it. */
    record Report(String outlet, String title, String summary, Instant publishedAt) {
    }

    private static final String[] COUNTRIES = {"Norway", "Spain", "Portugal", "Belgium", "Sweden", "Iceland", "Poland",
        "Czechia", "Estonia", "Lithuania", "Luxembourg", "Romania", "Greece", "Ireland", "Slovenia", "Croatia", "Latvia",
        "Finland", "Denmark", "the Netherlands", "Italy", "Canada", "Japan", "Australia", "Austria", "Albania",
        "Montenegro", "Moldova", "Bulgaria", "Slovakia", "Hungary", "Switzerland", "Georgia", "Turkey", "South Korea",
        "New Zealand", "Mexico", "Brazil", "Chile", "Argentina", "Malta", "Cyprus", "North Macedonia", "Kosovo",
        "Serbia", "Bosnia and Herzegovina", "Armenia", "Azerbaijan"};
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    private static final int OUTLETS = 40;
    private static final String PAD = " Officials gave few other details. Reporters on the scene described long queues,"
            + " and residents said they expected more announcements in the coming days. Sign up for our newsletter.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);

    private final List<Event> events;
    private final Random random;
    private final double skew;

    private NewsEvents(List<Event> events, Random random, double skew) {
        this.events = events;
        this.random = random;
        this.skew = skew;
    }

    /**
     * Every country negotiates 2 to 20 numbered rounds over 2024, and about two thirds of them then sign. Reports
     * pick an event at {@code u^skew} of the list (u uniform): 1 spreads them evenly, 3 gives the first event about
     * 12 % of all reports and the median event a few tenths of a percent, a long tail as in real news.
     */
    static NewsEvents calendar(long seed, double skew) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        for (String country : COUNTRIES) {
            int rounds = 2 + random.nextInt(19);
            LocalDate day = LocalDate.of(2024, 1, 2).plusDays(random.nextInt(60));
            for (int round = 1; round <= rounds; round++) {
                events.add(new Event(country, round, day));
                day = day.plusDays(3 + random.nextInt(12));
            }
            if (random.nextInt(3) > 0) {
                events.add(new Event(country, 0, day.plusDays(5)));
            }
        }
        // popularity order: shuffled, so the most reported events are spread over countries and rounds
        java.util.Collections.shuffle(events, random);
        return new NewsEvents(List.copyOf(events), random, skew);
    }

    double skew() {
        return skew;
    }

    int size() {
        return events.size();
    }

    /** A report of an event drawn with a skewed popularity: the first events of the shuffled list are reported most. */
    Report nextReport() {
        Event event = events.get((int) (events.size() * Math.pow(random.nextDouble(), skew)));
        String outlet = "Outlet " + (1 + random.nextInt(OUTLETS));
        Instant published = event.day().atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(2 * 86_400));
        String date = event.day().format(DAY);
        boolean alternative = random.nextBoolean();
        if (event.round() == 0) {
            return alternative
                    ? new Report(outlet, "Ukraine, " + event.country() + " seal long-term security pact",
                            "President Zelensky and the leaders of " + event.country() + " signed a bilateral security"
                            + " agreement in Kyiv on " + date + ", with ten years of military support." + PAD, published)
                    : new Report(outlet, event.country() + " and Ukraine sign bilateral security agreement",
                            event.country() + " and Ukraine signed a bilateral security agreement on " + date
                            + ", committing to long-term military support." + PAD, published);
        }
        String ordinal = ORDINALS[event.round() - 1];
        return alternative
                ? new Report(outlet, event.country() + " and Ukraine continue security agreement talks",
                        "Delegations of Ukraine and " + event.country() + " met on " + date + " for the " + ordinal
                        + " round of negotiations on a bilateral security agreement." + PAD, published)
                : new Report(outlet, "Ukraine and " + event.country() + " hold " + ordinal + " round of security talks",
                        "Ukrainian and " + event.country() + " negotiators held the " + ordinal + " round of talks on a"
                        + " bilateral security agreement on " + date + ", the presidential office said." + PAD, published);
    }
}

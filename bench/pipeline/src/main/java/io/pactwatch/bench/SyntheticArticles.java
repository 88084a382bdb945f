package io.pactwatch.bench;

import io.pactwatch.contracts.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded mix of feed items for load runs: about 10% agreement news (rounds and signings with varied counterparts,
 * ordinals and dates, with a background sentence) and 90% other news, with summaries of realistic feed length.
 */
final class SyntheticArticles {

    private static final String[] COUNTRIES = {"Norway", "Spain", "Portugal", "Belgium", "Sweden", "Iceland", "Poland",
            "Czechia", "Estonia", "Lithuania", "Luxembourg", "Romania", "Greece", "Ireland", "Slovenia", "Croatia"};
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth"};
    private static final String[] OTHER = {
        "City council approves a new budget for road repairs after a long debate between the two main factions.",
        "The national football team announced its squad for the autumn qualifiers, with two new goalkeepers.",
        "Farmers report a better harvest than expected as late rain helped wheat and sunflower crops recover.",
        "The central bank kept its key rate unchanged, citing stable inflation and a firmer currency.",
        "Engineers restored power to several districts after overnight strikes damaged a substation.",
        "A new exhibition of modern sculpture opens at the city museum this weekend, running until spring."};
    private static final String PAD = " Officials gave few other details. Reporters on the scene described long queues,"
            + " and residents said they expected more announcements in the coming days. Sign up for our newsletter.";

    private SyntheticArticles() {
    }

    static List<RawArticle> generate(int n, long seed) {
        Random random = new Random(seed);
        List<RawArticle> articles = new ArrayList<>(n);
        Instant fetched = Instant.parse("2024-06-20T12:00:00Z");
        for (int i = 0; i < n; i++) {
            String title;
            String summary;
            if (random.nextInt(10) == 0) {
                String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                LocalDate day = LocalDate.of(2024, 1 + random.nextInt(6), 1 + random.nextInt(28));
                String date = day.format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
                if (random.nextBoolean()) {
                    String ordinal = ORDINALS[random.nextInt(ORDINALS.length)];
                    title = "Ukraine and " + country + " hold " + ordinal + " round of security talks";
                    summary = "Ukrainian and " + country + " negotiators held the " + ordinal + " round of talks on a"
                            + " bilateral security agreement on " + date + ", the presidential office said."
                            + " The UK, Germany and France have already signed similar agreements." + PAD;
                } else {
                    title = country + " and Ukraine sign bilateral security agreement";
                    summary = country + " and Ukraine signed a bilateral security agreement on " + date
                            + ", committing to long-term military support. Denmark signed its agreement earlier." + PAD;
                }
            } else {
                String text = OTHER[random.nextInt(OTHER.length)];
                title = text.substring(0, text.indexOf(' ', 40));
                summary = text + PAD;
            }
            String id = "bench-" + seed + "-" + i;
            articles.add(new RawArticle(id, 1, "bench", "Bench Wire", "https://bench.example/" + i, title, summary, null,
                    fetched.minusSeconds(i), fetched, String.format("%064x", i)));
        }
        return articles;
    }
}

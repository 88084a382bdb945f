package io.pactwatch.reliability;

import io.pactwatch.contracts.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The known input of a scenario, generated from a seed: about one article in ten reports a negotiation round or a
 * signing between Ukraine and one of the scenario's own counterparts (so scenarios sharing a pipeline never share an
 * event), the rest is unrelated news. Every article carries the event it reports, written down by the generator and
 * not read back from the system, and a URL under {@code https://known.example/<scenario>/} by which it is counted.
 */
final class KnownArticles {

    /** A country the classifier's gazetteer knows by this name, with its ISO code. */
    record Country(String name, String code) {
    }

    /** One generated article and the event it reports ({@code null} for unrelated news). */
    record Known(RawArticle article, String event) {

        boolean relevant() {
            return event != null;
        }
    }

    static final String[] ORDINALS = {"first", "second", "third", "fourth"};
    private static final String[] OTHER = {
        "City council approves a new budget for road repairs after a long debate between the two main factions.",
        "The national football team announced its squad for the autumn qualifiers, with two new goalkeepers.",
        "Farmers report a better harvest than expected as late rain helped wheat and sunflower crops recover.",
        "The central bank kept its key rate unchanged, citing stable inflation and a firmer currency.",
        "Engineers restored power to several districts after overnight strikes damaged a substation.",
        "A new exhibition of modern sculpture opens at the city museum this weekend, running until spring."};
    private static final String PAD = " Officials gave few other details. Reporters on the scene described long queues,"
            + " and residents said they expected more announcements in the coming days.";
    static final Instant BASE = Instant.parse("2026-11-20T12:00:00Z");

    private KnownArticles() {
    }

    /** Event key as the tests compare it: type/counterpart code/round ("-" for none). */
    static String key(String type, String code, Integer round) {
        return type + "/" + code + "/" + (round == null ? "-" : round);
    }

    static String urlPrefix(String scenario) {
        return "https://known.example/" + scenario + "/";
    }

    static List<Known> generate(String scenario, List<Country> countries, int n, long seed) {
        Random random = new Random(seed);
        List<Known> articles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant published = BASE.plusSeconds(60L * i);
            String title;
            String summary;
            String event = null;
            if (random.nextInt(10) == 0) {
                Country c = countries.get(random.nextInt(countries.size()));
                String date = LocalDate.ofInstant(published, ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
                int kind = random.nextInt(ORDINALS.length + 1);
                if (kind < ORDINALS.length) {
                    String ordinal = ORDINALS[kind];
                    title = "Ukraine and " + c.name() + " hold " + ordinal + " round of security talks";
                    summary = "Ukrainian and " + c.name() + " negotiators held the " + ordinal + " round of talks on a"
                            + " bilateral security agreement on " + date + ", the presidential office said." + PAD;
                    event = key("ROUND", c.code(), kind + 1);
                } else {
                    title = c.name() + " and Ukraine sign bilateral security agreement";
                    summary = c.name() + " and Ukraine signed a bilateral security agreement on " + date
                            + ", committing to long-term military support." + PAD;
                    event = key("SIGNED", c.code(), null);
                }
            } else {
                String text = OTHER[random.nextInt(OTHER.length)];
                title = text.substring(0, text.indexOf(' ', 40)) + " (" + i + ")";
                summary = text + PAD;
            }
            String id = scenario + "-" + i;
            articles.add(new Known(new RawArticle(id, 1, "known", "Known Wire", urlPrefix(scenario) + i, title, summary,
                    null, published, published, String.format("%064x", i)), event));
        }
        return articles;
    }

    static Set<String> events(List<Known> articles) {
        Set<String> events = new LinkedHashSet<>();
        articles.stream().filter(Known::relevant).forEach(k -> events.add(k.event()));
        return events;
    }

    static long relevant(List<Known> articles) {
        return articles.stream().filter(Known::relevant).count();
    }
}

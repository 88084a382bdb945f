package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.classifier.evaluation.CorpusVariants;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anchored scanning must find exactly what the plain {@link Matcher#find()} loop finds: every anchored rule pattern
 * is run both ways over the lower-cased sentences and whole texts of every corpus variant, and over random texts
 * built from the patterns' own words, anchors and tricky separators (hyphen runs, tabs, NEL, dashes).
 */
class AnchoredPatternEquivalenceTest {

    private static final List<Class<?>> RULE_CLASSES = List.of(Triggers.class, TalkTriggers.class,
            DateExpressions.class, Clauses.class, Background.class, Ordinals.class);
    private static final String[] SEPARATORS = {" ", " ", " ", "  ", "\n", "\t", "-", " - ", " -- ", ", ", ". ", "; ",
        "\u2014", " \u2013 ", "\u0085", "'", "\u2019", ""};

    private static Map<String, AnchoredPattern> patterns;
    private static List<String> texts;

    @BeforeAll
    static void collect() throws IllegalAccessException {
        patterns = new LinkedHashMap<>();
        for (Class<?> c : RULE_CLASSES) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == AnchoredPattern.class && Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    patterns.put(c.getSimpleName() + "." + f.getName(), (AnchoredPattern) f.get(null));
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (CorpusVariants.Variant v : CorpusVariants.all()) {
            ArticleText text = ArticleText.of(v.input().title(), v.input().summary(), v.input().content());
            out.add(text.text().toLowerCase(Locale.ROOT));
            for (Sentence s : Discourse.sentences(text, 3)) {
                out.add(s.text().toLowerCase(Locale.ROOT));
            }
        }
        out.addAll(soup(17, 20000));
        texts = new ArrayList<>(out);
    }

    /** Random texts of the patterns' words (taken from their sources), numbers and separators. */
    private static List<String> soup(long seed, int n) {
        Set<String> words = new LinkedHashSet<>(List.of("4", "12", "31", "2024", "1999", "4th", "21st", "no.", "#",
                "u.s.", "they're", "we'll", "it\u2019ll", "x", "mid", "kick-off", "signing", "signature"));
        for (AnchoredPattern p : patterns.values()) {
            for (String w : p.pattern().pattern().split("[^a-z'\u2019-]+")) {
                if (w.length() > 1) {
                    words.add(w.replace("-", ""));
                }
            }
        }
        List<String> vocabulary = new ArrayList<>(words);
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 1 + r.nextInt(16); w > 0; w--) {
                b.append(vocabulary.get(r.nextInt(vocabulary.size())))
                        .append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> plain(AnchoredPattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        return out;
    }

    private static List<String> anchored(AnchoredPattern p, String s) {
        List<String> out = new ArrayList<>();
        for (Matcher m = p.first(s); m != null; m = p.next(m, s)) {
            out.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        return out;
    }

    @Test
    void everyAnchoredPatternFindsWhatThePlainScanFinds() {
        assertEquals(28, patterns.size(), "anchored rule patterns found: " + patterns.keySet());
        assertTrue(texts.size() > 20000, "texts: " + texts.size());
        for (Map.Entry<String, AnchoredPattern> e : patterns.entrySet()) {
            int matched = 0;
            for (String s : texts) {
                List<String> expected = plain(e.getValue(), s);
                assertEquals(expected, anchored(e.getValue(), s), () -> e.getKey() + " on [" + s + "]");
                matched += expected.isEmpty() ? 0 : 1;
            }
            assertTrue(matched > 0, e.getKey() + " matched no text: the check would prove nothing");
        }
    }
}

package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The speed-ups must not change a single answer: the first-character dispatch of tracker phrases answers as the
 * plain pattern does (on random texts built from the phrases' own words and tricky characters), and the hand-written
 * checks answer as the regular expressions they replace.
 */
class PrefilterEquivalenceTest {

    private static final String[] WORDS = {"security", "Security", "SECURITY", "agreement", "agreements", "deal",
        "bilateral", "long-term", "long term", "defence", "defense", "pact", "accord", "on", "support", "for",
        "Ukraine", "minerals", "critical", "rare-earth", "rare earths", "trade", "free-trade", "gas", "oil", "peace",
        "talks", "deals", "Zelensky", "Zelenskyy", "Verkhovna Rada", "Kuleba", "the", "a", "and", "signed", "10-year",
        "ten year", "memorandum", "declaration", "cooperation", "\u017Fecurity", "\u212Aiev", "\u0130", "\u00A0",
        "\u0085", "x", "7", "\u00E9", "pacts", "treaty", "guarantees", "document", "signings", "swap", "visa"};
    private static final String[] GLUE = {" ", " ", " ", ", ", "-", "", ".", "\n", " (", ") "};

    private static List<String> texts(long seed, int n) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            int words = 1 + r.nextInt(14);
            for (int w = 0; w < words; w++) {
                b.append(WORDS[r.nextInt(WORDS.length)]).append(GLUE[r.nextInt(GLUE.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<Pattern> patterns() {
        Tracker t = ClassifierFactory.bundled().trackers().get(0).tracker();
        List<Pattern> out = new ArrayList<>(List.of(t.kind(), t.references(), t.excluded(), t.subjectAliases()));
        out.add(Tracker.anyOf(List.of("se[cs]urity (deal|pact)s?", "\\Qpact.\\E", "(?<k>ten)[- ]year", "[a-c]+ccord",
                "(?:x|y)?deal", "gas(?=\\s)", "oil\\b"), true));
        out.add(Tracker.anyOf(List.of("rare\\s+earths?", "minerals"), true));
        // look-behinds read before the match: such groups are not judged on their first two characters alone
        out.add(Tracker.anyOf(List.of("(?<=the )security", "(?<=[ ,])deal", "^pact", "ac+ord"), true));
        out.add(Tracker.anyOf(List.of("(?i)trade", "deal"), false));
        out.add(Tracker.anyOf(List.of("(a)\\1", "deal"), true));
        out.add(Tracker.anyOf(List.of("x?", "deal"), true));
        out.add(Pattern.compile("security|deal"));
        return out;
    }

    @Test
    void phrasePatternsAnswerAsThePlainPattern() {
        List<String> texts = texts(11, 3000);
        int prefiltered = 0;
        for (Pattern p : patterns()) {
            PhrasePattern fast = PhrasePattern.of(p);
            prefiltered += fast.prefiltered() ? 1 : 0;
            for (String s : texts) {
                assertEquals(p.matcher(s).find(), fast.find(s), () -> p + " on [" + s + "]");
                int from = Math.min(s.length(), 3);
                int to = Math.max(from, s.length() - 2);
                List<Integer> expected = new ArrayList<>();
                Matcher m = p.matcher(s).region(from, to);
                while (m.find()) {
                    expected.add(m.start());
                }
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), fast.starts(s, from, to),
                        () -> p + " on [" + s + "]");
            }
        }
        assertEquals(7, prefiltered, "the four bundled patterns and the three readable extra ones are prefiltered");
    }

    @Test
    void firstCharactersAreReadConservatively() {
        assertTrue(FirstChars.of("(long[- ]term )?security").get('s'));
        assertTrue(FirstChars.of("(long[- ]term )?security").get('L'));
        assertFalse(FirstChars.of("(long[- ]term )?security").get('t'));
        assertNull(FirstChars.of("\\w+deal"), "shorthand classes are not modelled");
        assertNull(FirstChars.of("(?i)deal"), "inline flags are not modelled");
        assertNull(FirstChars.of("x*"), "a pattern that matches the empty string has no first character");
        assertTrue(FirstChars.mayStart(FirstChars.of("security"), '\u017F'), "long s folds to s");
    }

    @Test
    void terminalPunctuationIsReadAsTheRegexReadsIt() {
        Random r = new Random(5);
        String alphabet = "ab .!?\u2026\"')]\u201D\u2019\u0085(";
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString().strip();
            assertEquals(Boilerplate.TERMINAL.matcher(s).find(), Boilerplate.endsWithTerminal(s), () -> "[" + s + "]");
        }
    }

    @Test
    void spacesAreCollapsedAsTheRegexCollapsesThem() {
        Pattern spaces = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
        Random r = new Random(7);
        String alphabet = "ab \t\u000B\f\u00A0\n\r\u2007\u0085.";
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(spaces.matcher(s).replaceAll(" "), HtmlText.collapseSpaces(s), () -> "[" + s + "]");
        }
    }

    @Test
    void plainTextNeverHoldsTwoNewlinesInARow() {
        Random r = new Random(9);
        String[] pieces = {"a", "b c", " ", "\n", "\r\n", "\r", "\t", "\u00A0", "<p>", "</p>", "<br/>", "<div>", "&amp;",
            "&nbsp;", "&#10;", "&#x0A;", "\u2028", "\u0085"};
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String plain = HtmlText.toPlainText(b.toString());
            assertFalse(plain.contains("\n\n"), () -> "[" + b + "] -> [" + plain + "]");
        }
    }

    @Test
    void endAnchoredPatternsAnswerAsTheFullScan() {
        String[] words = {"in", "In", "at", "At", "the", "hosted by", "held in", "by", "visit to", "visits to", "to",
            "trip to", "stop in", "near", "outside", "arrival in", "Kyiv", "Kyiv,", "Luis", "Montenegro", "Jordan", "x",
            "(", "Mr.", "\u00E9t\u00E9", "\u00C9mile", "EU"};
        String[] glue = {" ", " ", "  ", "\n", "\t", ", ", "-", "", "\u0085", "\r\n", "\u2028"};
        Random r = new Random(13);
        for (int i = 0; i < 30000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(7); k > 0; k--) {
                b.append(words[r.nextInt(words.length)]).append(glue[r.nextInt(glue.length)]);
            }
            String s = b.length() > 30 ? b.substring(b.length() - 30) : b.toString();
            assertEquals(Counterparts.VENUE_BEFORE.matcher(s).find(), Counterparts.endsWith(Counterparts.VENUE_BEFORE, s, 3),
                    () -> "venue [" + s + "]");
            assertEquals(Counterparts.PROPER_NAME_BEFORE.matcher(s).find(),
                    Counterparts.endsWith(Counterparts.PROPER_NAME_BEFORE, s, 1), () -> "name [" + s + "]");
            assertEquals(Counterparts.GIVEN_NAME_BEFORE.matcher(s).find(),
                    Counterparts.endsWith(Counterparts.GIVEN_NAME_BEFORE, s, 1), () -> "given name [" + s + "]");
        }
    }

    @Test
    void promptsAreFoundAsTheFullScanFindsThem() {
        Pattern prompt = Boilerplate.PROMPT;
        String[] words = {"Sign up", "SIGN IN", "read more", "Read also", "most read", "Editors' picks", "editor's",
            "support us", "Support", "share on", "Share", "author:", "Authors:", "comments", "Comments", "cookie",
            "\u212Aookie", "\u0130", "signed", "the", "x", "Trending", "Most Popular", "related stories", "reading"};
        String[] glue = {" ", " ", "", ".", ", ", "\n", "-", "'"};
        Random r = new Random(21);
        for (int i = 0; i < 30000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                b.append(words[r.nextInt(words.length)]).append(glue[r.nextInt(glue.length)]);
            }
            String s = b.toString();
            assertEquals(prompt.matcher(s).find(), Boilerplate.hasPrompt(s), () -> "[" + s + "]");
        }
    }

    @Test
    void titleCaseCountsTheSameWords() {
        assertTrue(Counterparts.isTitleCase("Talks With US Have Begun", 0, 24));
        assertFalse(Counterparts.isTitleCase("Talks with the US have begun", 0, 28));
        assertFalse(Counterparts.isTitleCase("US", 0, 2), "no word longer than three letters");
    }
}

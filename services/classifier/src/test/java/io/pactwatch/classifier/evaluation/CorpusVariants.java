package io.pactwatch.classifier.evaluation;

import io.pactwatch.classifier.domain.ArticleInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The corpus and deterministic variants of it (padded, recombined, re-cased, sentence-shuffled, re-dated, wrapped in
 * HTML, cut down to title and summary), so a speed-up is checked on far more inputs than the labelled articles, and
 * on inputs no rule was written for.
 */
public final class CorpusVariants {

    /** One labelled input: how it was made and the article. */
    public record Variant(String label, ArticleInput input) {
    }

    private CorpusVariants() {
    }

    /** Every variant of every corpus article, in a fixed order. */
    public static List<Variant> all() {
        List<CorpusArticle> corpus = Corpus.load();
        String allPads = String.join("\n", Corpus.pads().values());
        List<Variant> out = new ArrayList<>();
        int n = corpus.size();
        for (int i = 0; i < n; i++) {
            CorpusArticle a = corpus.get(i);
            CorpusArticle b = corpus.get((i * 7 + 3) % n);
            CorpusArticle c = corpus.get((i * 13 + 5) % n);
            Random random = new Random(i);
            out.add(variant(a, "as-is", a.title(), a.summary(), a.content(), 0));
            out.add(variant(a, "padded", a.title(), a.summary(), a.content() + "\n" + allPads, 0));
            out.add(variant(a, "recombined", a.title(), b.summary(), c.content() + "\n" + b.content(), 0));
            out.add(variant(a, "upper", a.title().toUpperCase(Locale.ROOT), upper(a.summary()),
                    a.content().toUpperCase(Locale.ROOT), 0));
            out.add(variant(a, "lower", a.title().toLowerCase(Locale.ROOT), lower(a.summary()),
                    a.content().toLowerCase(Locale.ROOT), 0));
            out.add(variant(a, "shuffled", a.title(), a.summary(), shuffled(a.content(), random), 0));
            out.add(variant(a, "redated", a.title(), a.summary(), a.content(), 3 + random.nextInt(400)));
            out.add(variant(a, "html", a.title(), a.summary() == null ? null : "<p>" + a.summary() + "</p>",
                    html(a.content()), 0));
            out.add(variant(a, "lines-joined", a.title(), null, a.content().replace('\n', ' '), 0));
            out.add(variant(a, "title-summary", a.title(), a.summary() == null ? b.title() : a.summary(), "", 0));
        }
        return out;
    }

    private static Variant variant(CorpusArticle a, String how, String title, String summary, String content,
            int daysLater) {
        return new Variant(a.id() + "/" + how,
                new ArticleInput(title, summary, content, a.published().plus(Duration.ofDays(daysLater))));
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** The content's sentences (split after ". ") and lines in a random order. */
    private static String shuffled(String content, Random random) {
        List<String> pieces = new ArrayList<>();
        for (String line : content.split("\n")) {
            for (String s : line.split("(?<=\\. )")) {
                pieces.add(s.strip());
            }
        }
        Collections.shuffle(pieces, random);
        StringBuilder b = new StringBuilder();
        for (String p : pieces) {
            b.append(p).append(random.nextInt(3) == 0 ? "\n" : " ");
        }
        return b.toString();
    }

    /** Each line as an HTML paragraph, ampersands and apostrophes as entities, a script and a link added. */
    private static String html(String content) {
        StringBuilder b = new StringBuilder("<script>var x = 'security agreement signed';</script>");
        for (String line : content.split("\n")) {
            b.append("<p>").append(line.replace("&", "&amp;").replace("'", "&#39;").replace("\u2019", "&rsquo;"))
                    .append(" <a href=\"/x\">more</a></p>\r\n");
        }
        return b.toString();
    }
}

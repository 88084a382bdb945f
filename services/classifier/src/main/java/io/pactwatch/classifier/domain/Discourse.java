package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.Sentence.Zone;
import java.util.ArrayList;
import java.util.List;

/**
 * Segments an article into sentences and gives each its discourse zone: title, lead (summary, deck and the first
 * sentences of the content), body, or boilerplate (page furniture and headline-like lines after the story began).
 */
public final class Discourse {

    private Discourse() {
    }

    public static List<Sentence> sentences(ArticleText article, int leadSentences) {
        String text = article.text();
        List<Sentence> out = new ArrayList<>();
        if (article.titleEnd() > 0) {
            out.add(new Sentence(text.substring(0, article.titleEnd()).strip(), 0, article.titleEnd(), Zone.TITLE));
        }
        addPart(text, article.summaryStart(), article.summaryEnd(), true, leadSentences, out);
        addPart(text, article.contentStart(), text.length(), false, leadSentences, out);
        return out;
    }

    private static void addPart(String text, int from, int to, boolean summary, int leadSentences,
            List<Sentence> out) {
        boolean storyBegan = false;
        boolean otherStories = false;
        int storySentences = 0;
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > to) {
                lineEnd = to;
            }
            String line = text.substring(lineStart, lineEnd);
            if (storyBegan && !summary && Boilerplate.opensOtherStories(line)) {
                otherStories = true;
            }
            if (!line.isBlank() && otherStories) {
                addTrimmed(text, lineStart, lineEnd, Zone.BOILERPLATE, out);
            } else if (!line.isBlank()) {
                if (Boilerplate.isHeadlineLike(line)) {
                    Zone zone = Boilerplate.isFurniture(line) || (storyBegan && !summary) ? Zone.BOILERPLATE
                            : Zone.LEAD;
                    addTrimmed(text, lineStart, lineEnd, zone, out);
                } else {
                    storyBegan = true;
                    for (int[] span : SentenceSegmenter.split(text, lineStart, lineEnd)) {
                        String s = text.substring(span[0], span[1]);
                        Zone zone;
                        if (Boilerplate.isFurniture(s)) {
                            zone = Zone.BOILERPLATE;
                        } else if (summary || storySentences < leadSentences) {
                            zone = Zone.LEAD;
                            storySentences++;
                        } else {
                            zone = Zone.BODY;
                        }
                        out.add(new Sentence(s, span[0], span[1], zone));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    private static void addTrimmed(String text, int from, int to, Zone zone, List<Sentence> out) {
        int s = from;
        int e = to;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new Sentence(text.substring(s, e), s, e, zone));
        }
    }
}

package io.pactwatch.classifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.classifier.domain.Sentence.Zone;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTML stripping, the article text layout, sentence segmentation and discourse zones. */
class TextTest {

    @Test
    void stripsTagsAndEntitiesAndKeepsParagraphs() {
        String text = HtmlText.toPlainText("<div><p>One &amp; two&nbsp;three.</p><script>x()</script><p>Next&#8211;para</p></div>");
        assertEquals("One & two three.\nNext\u2013para", text);
    }

    @Test
    void articleTextIsTitleNewlineSummaryNewlineContent() {
        ArticleText t = ArticleText.of("<b>Title</b>", null, "<p>Body.</p>");
        assertEquals("Title\n\nBody.", t.text());
        assertEquals(ArticleText.Part.CONTENT, t.partAt(t.contentStart()));
        assertEquals(ArticleText.Part.TITLE, t.partAt(0));
    }

    @Test
    void theSummaryPartIsThePlainSummary() {
        String summary = "<p>Talks &amp; more.</p><p>Second\nparagraph, <b>bold</b>.</p>";
        ArticleText t = ArticleText.of("<p>Two</p><p>lines</p>", summary, "<p>Body.</p>");
        assertEquals(HtmlText.toPlainText(summary), t.summary());
        assertEquals("", ArticleText.of("Title", null, "Body.").summary());
    }

    @Test
    void doesNotSplitAfterInitialismsOrAbbreviationsButDoesBeforeAnOpener() {
        String p = "Talks with the U.S. went well in Jan. last year. Mr. Yermak said so. It was with the U.S. The end.";
        List<String> s = SentenceSegmenter.split(p, 0, p.length()).stream().map(x -> p.substring(x[0], x[1])).toList();
        assertEquals(List.of("Talks with the U.S. went well in Jan. last year.", "Mr. Yermak said so.",
                "It was with the U.S.", "The end."), s);
    }

    @Test
    void zonesSeparateTitleLeadBodyAndFurniture() {
        ArticleText t = ArticleText.of("Headline", "A summary sentence.",
                "First. Second. Third. Fourth sentence.\nSign up for our newsletter\nRelated headline without stop");
        List<Sentence> s = Discourse.sentences(t, 3);
        assertEquals(Zone.TITLE, s.get(0).zone());
        assertEquals(Zone.LEAD, s.get(1).zone());
        assertEquals(Zone.LEAD, s.get(4).zone());
        assertEquals(Zone.BODY, s.get(5).zone());
        assertEquals(Zone.BOILERPLATE, s.get(6).zone());
        assertEquals(Zone.BOILERPLATE, s.get(7).zone());
        for (Sentence x : s) {
            assertEquals(x.text(), t.text().substring(x.start(), x.end()));
        }
    }

    @Test
    void aNewsFeedBlockAfterTheStoryIsOtherStories() {
        ArticleText t = ArticleText.of("Headline", null, "The story. It goes on.\nLatest news\n12:40\nAnother story signed today.");
        List<Sentence> s = Discourse.sentences(t, 3);
        assertEquals(Zone.BOILERPLATE, s.get(s.size() - 1).zone());
        assertEquals(Zone.LEAD, s.get(2).zone());
    }

    @Test
    void recognisesFurniture() {
        assertTrue(Boilerplate.isFurniture("Support independent journalism. Donate now"));
        assertTrue(Boilerplate.isFurniture("Zelensky and Biden at the summit. (AFP via Getty Images)"));
        assertFalse(Boilerplate.isFurniture("Ukraine's path to NATO membership was discussed."));
    }
}

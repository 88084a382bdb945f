package io.pactwatch.classifier.domain;

/**
 * The one text the classifier reads, and that evidence offsets index: plain title, a newline, plain summary, a
 * newline, plain content (HTML stripped, one paragraph per line, missing parts empty).
 *
 * @param text         the full text
 * @param summaryStart offset of the summary (the title ends one character before)
 * @param contentStart offset of the content (the summary ends one character before)
 */
public record ArticleText(String text, int summaryStart, int contentStart) {

    public static ArticleText of(String title, String summary, String content) {
        String t = oneLine(HtmlText.toPlainText(title));
        String s = HtmlText.toPlainText(summary);
        String c = HtmlText.toPlainText(content);
        String full = t + "\n" + s + "\n" + c;
        return new ArticleText(full, t.length() + 1, t.length() + 1 + s.length() + 1);
    }

    private static String oneLine(String title) {
        return title.replace('\n', ' ');
    }

    public int titleEnd() {
        return summaryStart - 1;
    }

    public int summaryEnd() {
        return contentStart - 1;
    }

    /** The plain summary, as {@link HtmlText#toPlainText} gives it (empty when the item had none). */
    public String summary() {
        return text.substring(summaryStart, summaryEnd());
    }

    /** Which part of the article an offset falls in. */
    public Part partAt(int offset) {
        if (offset < summaryStart) {
            return Part.TITLE;
        }
        return offset < contentStart ? Part.SUMMARY : Part.CONTENT;
    }

    /** The three parts of a feed item. */
    public enum Part {
        TITLE, SUMMARY, CONTENT
    }
}

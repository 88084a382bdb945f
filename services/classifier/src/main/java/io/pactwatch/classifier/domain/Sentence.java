package io.pactwatch.classifier.domain;

/**
 * One sentence of the article text with its offsets and its discourse position.
 *
 * @param text  the sentence
 * @param start offset in {@link ArticleText#text()}
 * @param end   end offset (exclusive)
 * @param zone  where it sits in the article's discourse
 */
public record Sentence(String text, int start, int end, Zone zone) {

    /** Discourse position: the news is told in the title and lead; the body elaborates and recaps. */
    public enum Zone {
        /** The headline. */
        TITLE,
        /** Summary, deck (standfirst) and the first sentences of the content. */
        LEAD,
        /** Everything after the lead. */
        BODY,
        /** Navigation, newsletter and donation prompts, related-story links, captions: never evidence. */
        BOILERPLATE;

        public boolean isNews() {
            return this == TITLE || this == LEAD;
        }
    }
}

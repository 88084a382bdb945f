package io.pactwatch.contracts;

/**
 * The sentence an event was extracted from.
 *
 * @param sentence the sentence text
 * @param start    offset of the sentence in the article text the classifier read (title, newline, summary, newline, content)
 * @param end      end offset (exclusive)
 * @param rule     name of the rule that fired
 */
public record Evidence(String sentence, int start, int end, String rule) {
}

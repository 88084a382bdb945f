package io.pactwatch.classifier.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the page furniture that scraped articles carry (newsletter and donation prompts, navigation,
 * related-story links, photo captions, bylines), so none of it is read as news.
 */
public final class Boilerplate {

    static final Pattern PROMPT = Pattern.compile("(?i)\\b(subscrib\\w*|newsletters?|sign up|sign in|log in|"
            + "donat\\w+|become a (member|patron|supporter)|support (us|our|independent)|join us|"
            + "paywall|read (also|more|the original)|most (popular|read)|editors?'? picks|skip to content|"
            + "indicates required|follow us|share (this|on)|click here|cookies?|advertis\\w+|all rights reserved|"
            + "min read|this audio is|listen to (this|the) article|related (articles?|stories|coverage)|"
            + "show more|load more|trending|^comments$|terms of (use|service)|privacy policy|"
            + "enter your email|email address|podcast|watch:|video:|photo:|image:|credit:|author:|authors:|"
            + "reporting by|editing by|written by|contributed to this)");
    private static final Pattern CAPTION_CREDIT = Pattern.compile("\\((?:[^()]*\\b(?:AFP|Getty|Reuters|AP|EPA|"
            + "Photo|photo|Office|Service|via|Images|Press|Ministry|Administration|Presidency)\\b[^()]*)\\)\\s*$");
    static final Pattern TERMINAL = Pattern.compile("[.!?\u2026][\"'\u201D\u2019)\\]]*$");

    private static final Pattern OTHER_STORIES = Pattern.compile("(?i)^(latest news|latest|news feed|more news|more stories|"
            + "related( news| stories| articles| coverage)?|read more|most popular|most read|editors'? picks|"
            + "recommended( for you)?|trending( now)?|live updates|\\d{1,2}:\\d{2}(\\s?[ap]\\.?m\\.?)?)$");

    /** Every match of {@code PROMPT}, lower-cased, begins with one of these (its letters are all ASCII). */
    private static final String[] PROMPT_STEMS = {"subscrib", "newsletter", "sign up", "sign in", "log in", "donat",
        "become a ", "support ", "join us", "paywall", "read ", "most ", "editor", "skip to content",
        "indicates required", "follow us", "share ", "click here", "cookie", "advertis", "all rights reserved",
        "min read", "this audio is", "listen to ", "related ", "show more", "load more", "trending", "comments",
        "terms of ", "privacy policy", "enter your email", "email address", "podcast", "watch:", "video:", "photo:",
        "image:", "credit:", "author", "reporting by", "editing by", "written by", "contributed to this"};

    private Boilerplate() {
    }

    /** A line that opens a block of other stories once the article has begun ("Latest news", "12:40"). */
    public static boolean opensOtherStories(String line) {
        return OTHER_STORIES.matcher(line.strip()).matches();
    }

    /** True for furniture: prompts, navigation, captions. */
    public static boolean isFurniture(String sentence) {
        return hasPrompt(sentence) || sentence.indexOf('(') >= 0 && CAPTION_CREDIT.matcher(sentence).find();
    }

    /**
     * {@code PROMPT.matcher(sentence).find()}, searched from the first prompt stem: a match is ASCII (the pattern's
     * case-insensitivity is ASCII-only) and begins with a stem, so in an all-ASCII sentence, whose lower-cased form
     * keeps every offset, no match starts before the first stem of the lower-cased form.
     */
    static boolean hasPrompt(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        int first = firstStem(lower);
        if (first < 0) {
            return false;
        }
        return PROMPT.matcher(sentence).find(isAscii(sentence) ? first : 0);
    }

    private static int firstStem(String lower) {
        int first = -1;
        for (String stem : PROMPT_STEMS) {
            int at = lower.indexOf(stem);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** True when a line has no terminal punctuation: a headline, deck, menu entry or link. */
    public static boolean isHeadlineLike(String line) {
        return !endsWithTerminal(line.strip());
    }

    /**
     * What {@code TERMINAL.matcher(s).find()} answers, read from the end: a terminal mark followed only by closing
     * quotes and brackets, at the end or before one final NEL (the one line terminator {@code $} honours that
     * {@link String#strip()} leaves).
     */
    static boolean endsWithTerminal(String s) {
        int e = s.length();
        if (e > 0 && s.charAt(e - 1) == '\u0085') {
            e--;
        }
        while (e > 0 && isCloser(s.charAt(e - 1))) {
            e--;
        }
        if (e == 0) {
            return false;
        }
        char c = s.charAt(e - 1);
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']';
    }
}

package io.pactwatch.classifier.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns feed HTML (summaries and content often carry markup) into plain text with one paragraph per line, so the
 * segmenter and the evidence offsets work on what a reader sees.
 */
public final class HtmlText {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|noscript)[^>]*>.*?</\\1\\s*>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)<\\s*(br\\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr|/figcaption|p|li|h[1-6])(\\s[^>]*)?>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("rsquo", "\u2019"), Map.entry("lsquo", "\u2018"),
            Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"), Map.entry("hellip", "\u2026"));

    private HtmlText() {
    }

    /** Plain text of a possibly-HTML fragment; null becomes the empty string. */
    public static String toPlainText(String fragment) {
        if (fragment == null) {
            return "";
        }
        String text = fragment.replace("\r\n", "\n").replace('\r', '\n');
        if (text.indexOf('<') >= 0) {
            text = SCRIPT.matcher(text).replaceAll(" ");
            text = BLOCK_END.matcher(text).replaceAll("\n");
            text = TAG.matcher(text).replaceAll("");
        }
        if (text.indexOf('&') >= 0) {
            text = decodeEntities(text);
        }
        text = collapseSpaces(text);
        StringBuilder lines = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                if (!lines.isEmpty()) {
                    lines.append('\n');
                }
                lines.append(trimmed);
            }
        }
        // every line appended is non-empty and holds no newline: the result never has two newlines in a row
        return lines.toString();
    }

    /** Each run of spaces, tabs, vertical tabs, form feeds and no-break spaces as one space. */
    static String collapseSpaces(String text) {
        if (!needsCollapsing(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    /** True when the text holds two spaces in a row or a space character other than the plain space. */
    private static boolean needsCollapsing(String text) {
        boolean previousSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == ' ' && previousSpace) {
                return true;
            }
            previousSpace = c == ' ';
        }
        return false;
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                replacement = codePoint(name.substring(1), 10);
            } else {
                replacement = NAMED.getOrDefault(name.toLowerCase(), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
        } catch (NumberFormatException e) {
            return " ";
        }
    }
}

package io.pactwatch.poller.domain;

import java.util.regex.Pattern;

/**
 * Turns the HTML that feeds put in descriptions into plain text: paragraphs become lines, tags and scripts go,
 * common entities are decoded. Good enough for summaries; full-text extraction is a separate concern.
 */
public final class HtmlText {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/li|/h[1-6])\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private HtmlText() {
    }

    public static String toPlain(String html) {
        if (html == null) {
            return null;
        }
        String text = SCRIPT.matcher(html).replaceAll(" ");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = NUMERIC.matcher(text).replaceAll(m -> {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            return Character.isValidCodePoint(code) ? java.util.regex.Matcher.quoteReplacement(Character.toString(code)) : " ";
        });
        text = text.replace("&nbsp;", " ").replace("&quot;", "\"").replace("&apos;", "'").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String clean = line.replaceAll("[ \\t\\x0B\\f\\r]+", " ").trim();
            if (!clean.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(clean);
            }
        }
        return out.toString();
    }
}

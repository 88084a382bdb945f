package io.pactwatch.poller.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main text of an article page with Readability4J on jsoup, after removing the boilerplate news sites
 * pad pages with (navigation, newsletter prompts, "most popular" and related-story lists, share bars).
 */
public final class ArticleText {

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOILERPLATE = Pattern.compile(
            "newsletter|subscribe|signup|sign-up|most-?popular|most-?read|trending|related|recommended|promo|"
                    + "share|social|advert|cookie|breadcrumb|paywall|comments?\\b", Pattern.CASE_INSENSITIVE);
    private static final int MIN_CHARS = 80;

    private ArticleText() {
    }

    /** The page's main text as plain paragraphs, or null when nothing article-like was found. */
    public static String extract(byte[] html, String contentType, String url) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charsetOf(contentType), url == null ? "" : url);
        } catch (IOException e) {
            return null;
        }
        doc.select("nav, aside, footer, header, form, script, style, noscript, iframe, [role=navigation],"
                + " [role=complementary], [aria-hidden=true]").remove();
        for (Element e : doc.body() == null ? java.util.List.<Element>of() : doc.body().select("[class], [id]")) {
            if (e.parent() != null && isBoilerplate(e)) {
                e.remove();
            }
        }
        Article article = new Readability4JExtended(url == null ? "" : url, doc).parse();
        Element content = article.getArticleContent();
        if (content == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Element block : content.select("p, h1, h2, h3, h4, li, blockquote")) {
            if (!block.is("li") && block.select("p, li").size() > (block.is("p") ? 1 : 0)) {
                continue; // a container: its children are visited themselves
            }
            String text = block.text().trim();
            if (!text.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(text);
            }
        }
        String text = out.length() > 0 ? out.toString() : content.text().trim();
        return text.length() < MIN_CHARS ? null : text;
    }

    private static boolean isBoilerplate(Element e) {
        if (e.tagName().equals("body") || e.tagName().equals("article") || e.tagName().equals("main")) {
            return false;
        }
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        return BOILERPLATE.matcher(names).find();
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() && Charset.isSupported(m.group(1)) ? m.group(1) : null;
    }
}

package io.pactwatch.local.demo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders a feed's currently visible items as RSS 2.0 or Atom 1.0, the two formats most outlets publish. */
final class FeedRenderer {

    private FeedRenderer() {
    }

    static String render(Timeline.Feed feed, List<Timeline.Item> items, String baseUrl) {
        return "atom".equals(feed.format()) ? atom(feed, items, baseUrl) : rss(feed, items, baseUrl);
    }

    private static String rss(Timeline.Feed feed, List<Timeline.Item> items, String baseUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(esc(feed.title())).append("</title>")
                .append("<link>").append(baseUrl).append("/</link>")
                .append("<description>").append(esc(feed.title())).append(" (pactwatch demo)</description>");
        for (Timeline.Item item : items) {
            xml.append("<item><guid isPermaLink=\"false\">").append(esc(item.guid())).append("</guid>")
                    .append("<title>").append(esc(item.title())).append("</title>")
                    .append("<link>").append(link(item, baseUrl)).append("</link>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published().atZone(ZoneOffset.UTC)))
                    .append("</pubDate>")
                    .append("<description>").append(esc(html(item))).append("</description></item>");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private static String atom(Timeline.Feed feed, List<Timeline.Item> items, String baseUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .append("<title>").append(esc(feed.title())).append("</title>")
                .append("<id>urn:pactwatch-demo:").append(feed.id()).append("</id>")
                .append("<updated>").append(items.isEmpty() ? "2023-08-01T00:00:00Z"
                        : items.get(items.size() - 1).published()).append("</updated>");
        for (Timeline.Item item : items) {
            xml.append("<entry><id>urn:pactwatch-demo:").append(esc(item.guid())).append("</id>")
                    .append("<title>").append(esc(item.title())).append("</title>")
                    .append("<link href=\"").append(link(item, baseUrl)).append("\"/>")
                    .append("<published>").append(item.published()).append("</published>")
                    .append("<updated>").append(item.published()).append("</updated>")
                    .append("<summary type=\"html\">").append(esc(html(item))).append("</summary></entry>");
        }
        return xml.append("</feed>\n").toString();
    }

    static String articlePage(Timeline.Feed feed, Timeline.Item item) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + esc(item.title()) + "</title></head><body>"
                + "<nav><a href=\"/\">" + esc(feed.title()) + "</a> | World | Politics | Newsletter</nav>"
                + "<article><h1>" + esc(item.title()) + "</h1>" + html(item) + "</article>"
                + "<aside><h2>Most popular</h2><ul><li>Weather this week</li><li>Football results</li></ul></aside>"
                + "</body></html>";
    }

    private static String link(Timeline.Item item, String baseUrl) {
        return baseUrl + "/articles/" + item.guid();
    }

    private static String html(Timeline.Item item) {
        StringBuilder html = new StringBuilder();
        item.body().forEach(p -> html.append("<p>").append(esc(p)).append("</p>"));
        return html.toString();
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.pactwatch.poller.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every feed dialect the poller promises, the charset rules, broken dates, and the hostile payloads it refuses. */
class FeedParserTest {

    static final Instant FETCHED = Instant.parse("2024-06-14T08:00:00Z");
    final FeedParser parser = new FeedParser(50);

    ParsedFeed parse(String xml, String contentType) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), contentType, FETCHED);
    }

    @Test
    void rss091() {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title><link>http://old.example/</link>
                <description>d</description><language>en</language>
                <item><title>Talks resume in Kyiv</title><link>http://old.example/a1</link><description>Text.</description></item>
                </channel></rss>""", "application/rss+xml");
        assertEquals("Old Wire", feed.title());
        assertEquals("Talks resume in Kyiv", feed.items().get(0).title());
        assertEquals("http://old.example/a1", feed.items().get(0).link());
        assertEquals(FETCHED, feed.items().get(0).publishedAt(), "no date: fetch time");
    }

    @Test
    void rss10Rdf() {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="http://rdf.example/"><title>RDF Post</title><link>http://rdf.example/</link>
                    <description>d</description></channel>
                  <item rdf:about="http://rdf.example/story-7"><title>Envoys meet again</title>
                    <link>http://rdf.example/story-7</link><dc:date>2024-04-29T10:15:00Z</dc:date></item>
                </rdf:RDF>""", "application/rdf+xml");
        assertEquals("Envoys meet again", feed.items().get(0).title());
        assertEquals("http://rdf.example/story-7", feed.items().get(0).link());
        assertEquals(Instant.parse("2024-04-29T10:15:00Z"), feed.items().get(0).publishedAt());
    }

    @Test
    void rss20WithTtlGuidAndRfc822Date() {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Daily</title><link>https://d.example/</link>
                <description>d</description><ttl>30</ttl>
                <item><guid isPermaLink="false">daily-4411</guid><title>Fourth round held</title>
                <link>https://d.example/news/4411?utm_source=rss</link><pubDate>Mon, 06 May 2024 16:20:00 +0200</pubDate>
                <description>&lt;p&gt;Negotiators met.&lt;/p&gt;</description></item></channel></rss>""", null);
        assertEquals(30, feed.ttlMinutes());
        FeedItem item = feed.items().get(0);
        assertEquals("daily-4411", item.guid());
        assertEquals(Instant.parse("2024-05-06T14:20:00Z"), item.publishedAt());
        assertEquals("<p>Negotiators met.</p>", item.summary());
    }

    @Test
    void atom10() {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
                <id>urn:a</id><updated>2024-06-13T19:00:00Z</updated>
                <entry><id>urn:a:1</id><title>Accord signed at summit</title><link href="https://atom.example/1"/>
                <published>2024-06-13T18:55:00Z</published><updated>2024-06-13T19:00:00Z</updated>
                <summary>Leaders signed.</summary></entry></feed>""", "application/atom+xml");
        FeedItem item = feed.items().get(0);
        assertEquals("urn:a:1", item.guid());
        assertEquals("https://atom.example/1", item.link());
        assertEquals(Instant.parse("2024-06-13T18:55:00Z"), item.publishedAt());
        assertNull(feed.ttlMinutes());
    }

    @Test
    void nonUtf8FeedDecodedFromItsProlog() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Gazette</title>"
                + "<link>http://g.example/</link><description>d</description><item><title>Réunion à Genève : accord célébré</title>"
                + "<link>http://g.example/1</link></item></channel></rss>";
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.ISO_8859_1), "text/xml", FETCHED);
        assertEquals("Réunion à Genève : accord célébré", feed.items().get(0).title());
    }

    @Test
    void charsetFromTheContentTypeHeader() {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>K</title><link>http://k.example/</link>"
                + "<description>d</description><item><title>Переговори тривають</title><link>http://k.example/1</link></item></channel></rss>";
        ParsedFeed feed = parser.parse(xml.getBytes(java.nio.charset.Charset.forName("windows-1251")),
                "application/rss+xml; charset=windows-1251", FETCHED);
        assertEquals("Переговори тривають", feed.items().get(0).title());
    }

    @Test
    void brokenDatesFallBackToFetchTime() {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://b.example/</link><description>d</description>
                <item><title>One</title><link>http://b.example/1</link><pubDate>sometime last Tuesday</pubDate></item>
                <item><title>Two</title><link>http://b.example/2</link><pubDate>32 Foo 2024 99:99</pubDate></item>
                </channel></rss>""", null);
        assertEquals(2, feed.items().size());
        feed.items().forEach(i -> assertEquals(FETCHED, i.publishedAt()));
    }

    @Test
    void xxeIsRefusedAndNoFileIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><link>http://x.example/</link><description>d</description>"
                + "<item><title>&xxe;</title><link>http://x.example/1</link></item></channel></rss>";
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(xml, null));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(!e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>" + dtd + "<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        assertThrows(FeedParseException.class, () -> parse(xml, null));
        long after = rt.totalMemory() - rt.freeMemory();
        assertTrue(after - before < 64L * 1024 * 1024, "memory grew by " + (after - before));
    }

    @Test
    void anHtmlPageIsAClearError() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(
                "<!DOCTYPE html><html><head><title>Home</title></head><body>Welcome</body></html>", "text/html; charset=utf-8"));
        assertEquals("the URL serves an HTML page, not an RSS/Atom feed", e.getMessage());
        assertThrows(FeedParseException.class, () -> parser.parse(new byte[0], "application/rss+xml", FETCHED));
    }

    @Test
    void itemsBeyondTheCapAreDroppedAndCounted() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://f.example/</link><description>d</description>");
        for (int i = 0; i < 60; i++) {
            xml.append("<item><title>n").append(i).append("</title><link>http://f.example/").append(i).append("</link></item>");
        }
        ParsedFeed feed = parse(xml.append("</channel></rss>").toString(), null);
        assertEquals(50, feed.items().size());
        assertEquals(10, feed.itemsDropped());
    }

    static final String SMALL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>http://e.example/</link><description>d</description><item><title>TITLE</title></item></channel></rss>";

    @Test
    void invalidUtf8IsRefusedNotReadWithReplacementCharacters() {
        byte[] body = SMALL.replace("TITLE", "Kyiv \u00ff talks").getBytes(StandardCharsets.ISO_8859_1);
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(body, "application/rss+xml; charset=utf-8", FETCHED));
        assertTrue(e.getMessage().startsWith("invalid UTF-8 at byte " + (SMALL.indexOf("TITLE") + 5)), e.getMessage());
    }

    @Test
    void anUnknownEncodingIsNamed() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parse(SMALL.replace("UTF-8", "x-klingon"), "application/rss+xml"));
        assertTrue(e.getMessage().startsWith("unsupported character encoding"), e.getMessage());
        assertTrue(e.getMessage().toUpperCase().contains("X-KLINGON"), e.getMessage());
    }

    @Test
    void controlCharactersAndAnEmptyBodyAreClearErrors() {
        FeedParseException nul = assertThrows(FeedParseException.class, () -> parse(SMALL.replace("TITLE", "a\u0000b"), null));
        assertTrue(nul.getMessage().contains("invalid XML character"), nul.getMessage());
        FeedParseException empty = assertThrows(FeedParseException.class, () -> parser.parse(new byte[0], null, FETCHED));
        assertEquals("empty response body", empty.getMessage());
    }
}

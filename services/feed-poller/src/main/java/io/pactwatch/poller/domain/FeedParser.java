package io.pactwatch.poller.domain;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom from bytes with Rome (never its URL fetcher). Rome's defaults refuse DOCTYPE
 * declarations, which blocks XXE and billion-laughs payloads; the charset comes from the Content-Type header, else the
 * XML prolog, and a body that is not valid in it is refused rather than read with replacement characters.
 * Unparseable or missing dates fall back to the fetch time.
 */
public final class FeedParser {

    private final int maxItems;

    public FeedParser(int maxItems) {
        this.maxItems = maxItems;
    }

    public ParsedFeed parse(byte[] body, String contentType, Instant fetchedAt) {
        if (body.length == 0) {
            throw new FeedParseException("empty response body");
        }
        if (looksLikeHtml(body, contentType)) {
            throw new FeedParseException("the URL serves an HTML page, not an RSS/Atom feed");
        }
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            String invalid = invalidBytes(body, reader.getEncoding());
            if (invalid != null) {
                throw new FeedParseException(invalid);
            }
            WireFeed wire = new WireFeedInput(false, Locale.ROOT).build(reader);
            Integer ttl = wire instanceof Channel channel && channel.getTtl() > 0 ? channel.getTtl() : null;
            SyndFeed feed = new com.rometools.rome.feed.synd.SyndFeedImpl(wire);
            List<FeedItem> items = new ArrayList<>();
            int dropped = 0;
            for (SyndEntry entry : feed.getEntries()) {
                if (items.size() >= maxItems) {
                    dropped++;
                    continue;
                }
                items.add(toItem(entry, fetchedAt));
            }
            return new ParsedFeed(feed.getTitle(), items, ttl, dropped);
        } catch (FeedParseException e) {
            throw e;
        } catch (java.io.UnsupportedEncodingException e) {
            throw new FeedParseException("unsupported character encoding " + e.getMessage(), e);
        } catch (IOException | RuntimeException | com.rometools.rome.io.FeedException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.contains("DOCTYPE") || reason.contains("DTD")) {
                throw new FeedParseException("feed refused: it declares a DOCTYPE (possible XXE / entity expansion)", e);
            }
            throw new FeedParseException("not a readable RSS/Atom feed: " + reason, e);
        }
    }

    /** Null when every byte decodes in {@code encoding}; else where the first malformed sequence starts. */
    static String invalidBytes(byte[] body, String encoding) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.Charset.forName(encoding).newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(body);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return "invalid " + encoding + " at byte " + in.position() + " (the body is not in the character"
                        + " encoding it declares or defaults to)";
            }
            if (result.isUnderflow()) {
                return null;
            }
            out.clear();
        }
    }

    private static FeedItem toItem(SyndEntry entry, Instant fetchedAt) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = date == null || date.getTime() <= 0 ? fetchedAt : date.toInstant();
        return new FeedItem(blankToNull(entry.getUri()), blankToNull(entry.getLink()), textOf(entry.getTitle()),
                summaryOf(entry), published);
    }

    private static String summaryOf(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null) {
            return description.getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                return content.getValue();
            }
        }
        return null;
    }

    static boolean looksLikeHtml(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .trim().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static String textOf(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

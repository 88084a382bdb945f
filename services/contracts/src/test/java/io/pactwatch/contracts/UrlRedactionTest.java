package io.pactwatch.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Passwords in URLs and secret URL paths never survive redaction; everything else stays readable. */
class UrlRedactionTest {

    @Test
    void aUserinfoPasswordIsMaskedAndTheRestOfTheUrlKept() {
        assertEquals("http://user:***@host/feed", UrlRedaction.passwordsHidden("http://user:pass@host/feed"));
        assertEquals("https://reader:***@news.example.org:8443/rss.xml?x=1",
                UrlRedaction.passwordsHidden("https://reader:s3cr%40t@news.example.org:8443/rss.xml?x=1"));
        assertEquals("http://u:***@host/", UrlRedaction.passwordsHidden("http://u:p@ss@host/"), "an unencoded @ in it");
        assertEquals("http://user:***@host/", UrlRedaction.passwordsHidden("http://user:@host/"));
        assertEquals("http://host/feed", UrlRedaction.passwordsHidden("http://host/feed"));
        assertEquals("https://***@host/feed", UrlRedaction.passwordsHidden("https://ghp_Tok3nXYZ@host/feed"), "a name alone may be a token");
        assertEquals("see https://***@a.example/x and http://b:***@c/", UrlRedaction.passwordsHidden("see https://tok@a.example/x and http://b:pw@c/"));
        assertEquals("http://host/a?next=http://x/b@c", UrlRedaction.passwordsHidden("http://host/a?next=http://x/b@c"));
        assertNull(UrlRedaction.passwordsHidden(null));
    }

    @Test
    void passwordsInErrorTextsAreMaskedWhereverTheyAppear() {
        String url = "http://reader:Tr0ub4dor%26x@127.0.0.1:8080/private.xml";
        assertEquals("HTTP_ERROR: HTTP 401 from http://reader:***@127.0.0.1:8080/private.xml",
                UrlRedaction.passwordHiddenIn("HTTP_ERROR: HTTP 401 from " + url, url));
        assertEquals("redirect to https://a:***@b.example/ refused; then ftp://c:***@d/",
                UrlRedaction.passwordsHidden("redirect to https://a:x@b.example/ refused; then ftp://c:yy@d/"));
        String bare = UrlRedaction.passwordHiddenIn("login failed for password Tr0ub4dor&x (raw Tr0ub4dor%26x)", url);
        assertFalse(bare.contains("Tr0ub4dor"), bare);
        assertEquals("the feed is down", UrlRedaction.passwordHiddenIn("the feed is down", "http://u:own@host/"),
                "a short password is not blanked out of ordinary words");
        assertEquals("no url", UrlRedaction.passwordHiddenIn("no url", null));
        String tokenUrl = "https://glpat-Secr3tT0ken@git.example/feed.atom";
        assertEquals("HTTP 401 from https://***@git.example/feed.atom; token *** refused",
                UrlRedaction.passwordHiddenIn("HTTP 401 from " + tokenUrl + "; token glpat-Secr3tT0ken refused", tokenUrl),
                "a user name given alone is the credential: hidden in URLs and where quoted bare");
    }

    @Test
    void credentialNamedQueryValuesAreMaskedAndOtherParametersKept() {
        assertEquals("https://news.example/feed.xml?token=***&lang=en",
                UrlRedaction.passwordsHidden("https://news.example/feed.xml?token=a1b2c3&lang=en"));
        assertEquals("https://h.example/rss?api_key=***&access_token=***&X-Amz-Signature=***#top",
                UrlRedaction.passwordsHidden("https://h.example/rss?api_key=K1&access_token=T2&X-Amz-Signature=S3#top"));
        assertEquals("https://h.example/rss?apiKey=*** and http://u:***@h2/x?sig=***",
                UrlRedaction.passwordsHidden("https://h.example/rss?apiKey=K1 and http://u:p@h2/x?sig=S4"));
        assertEquals("https://h.example/rss?keyword=ukraine&monkey=1&page=2&token=",
                UrlRedaction.passwordsHidden("https://h.example/rss?keyword=ukraine&monkey=1&page=2&token="),
                "names that merely contain a credential word, and empty values, stay as they are");
        String url = "https://h.example/private.xml?user=me&key=Qz9%2Fsecret";
        String text = UrlRedaction.passwordHiddenIn("HTTP 403 from " + url + ": key Qz9/secret (Qz9%2Fsecret) expired", url);
        assertEquals("HTTP 403 from https://h.example/private.xml?user=me&key=***: key *** (***) expired", text,
                "a query credential is hidden in URLs and where quoted bare, raw or decoded");
    }

    @Test
    void secretPathsKeepOnlySchemeHostAndTheLastFourCharacters() {
        assertEquals("https://hooks.slack.com/…XXXX", UrlRedaction.secretPathHidden("https://hooks.slack.com/services/T000/B000/abcdXXXX"));
        assertEquals("http://127.0.0.1:8099/…=abc", UrlRedaction.secretPathHidden("http://127.0.0.1:8099/wh/secret?key=abc"));
        assertEquals("https://h.example/…ret1", UrlRedaction.secretPathHidden("https://u:pw@h.example/path/secret1"));
        assertEquals("(redacted)", UrlRedaction.secretPathHidden("not a url at all"));
        String url = "https://u:hunter22@hooks.example/services/T0/secret123?token=q456";
        String text = UrlRedaction.secretPathHiddenIn("failed: " + url + " (POST /services/T0/secret123?token=q456)", url);
        assertFalse(text.contains("secret123") || text.contains("q456") || text.contains("hunter22"), text);
    }
}

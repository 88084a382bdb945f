package io.pactwatch.poller.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialSealTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    final CredentialSeal seal = CredentialSeal.of(KEY);

    @Test
    void theUserinfoIsStoredSealedAndOpensToTheUrlAsEntered() throws Exception {
        String url = "https://reader:open%40sesame-42@news.example.org:8443/private.xml?x=1";
        String stored = seal.seal(url);
        assertTrue(stored.startsWith("https://" + CredentialSeal.PREFIX), stored);
        assertTrue(stored.endsWith("@news.example.org:8443/private.xml?x=1"), stored);
        assertFalse(stored.contains("reader") || stored.contains("sesame"), stored);
        assertEquals("news.example.org", new URI(stored).getHost(), "still a valid URL");
        assertEquals(url, seal.open(stored));
        assertTrue(CredentialSeal.isSealed(stored));
        assertFalse(CredentialSeal.isSealed(url));
        String token = "https://glpat-Secr3t@git.example/feed.atom";
        assertFalse(seal.seal(token).contains("Secr3t"));
        assertEquals(token, seal.open(seal.seal(token)));
    }

    @Test
    void credentialNamedQueryValuesAreStoredSealedAndTheRestOfTheQueryAsWritten() throws Exception {
        String url = "https://news.example.org/feed?format=rss&api_key=S3cr3t%2Bkey&keyword=treaty&X-Amz-Signature=abc123def&token=#top";
        String stored = seal.seal(url);
        assertFalse(stored.contains("S3cr3t") || stored.contains("abc123def"), stored);
        assertTrue(stored.startsWith("https://news.example.org/feed?format=rss&api_key=" + CredentialSeal.PREFIX), stored);
        assertTrue(stored.contains("&keyword=treaty&X-Amz-Signature=" + CredentialSeal.PREFIX), "keyword is no credential: " + stored);
        assertTrue(stored.endsWith("&token=#top"), "an empty value and the fragment stay: " + stored);
        assertEquals("news.example.org", new URI(stored).getHost(), "still a valid URL");
        assertEquals(url, seal.open(stored));
        assertTrue(CredentialSeal.isSealed(stored));
        assertFalse(CredentialSeal.isSealed(url));
        assertEquals(stored, seal.seal(stored), "sealing twice changes nothing");
        assertEquals(stored, seal.seal(url), "one URL, one stored text");

        String both = "https://reader:pw@host/feed.xml?access_token=t0ken&&page=2";
        String bothStored = seal.seal(both);
        assertFalse(bothStored.contains("reader") || bothStored.contains("t0ken"), bothStored);
        assertTrue(bothStored.endsWith("&&page=2"), bothStored);
        assertEquals(both, seal.open(bothStored));
        assertThrows(CredentialSeal.UnreadableCredentialsException.class, () -> CredentialSeal.of(OTHER_KEY).open(stored));
        assertThrows(CredentialSeal.UnreadableCredentialsException.class, () -> CredentialSeal.none().open(stored));
        assertEquals(seal.seal(url), CredentialSeal.of(KEY, java.util.List.of(OTHER_KEY)).resealed(CredentialSeal.of(OTHER_KEY).seal(url)),
                "a rotation reseals query values too");
        assertEquals("https://host/feed?page=2&monkey=banana", seal.seal("https://host/feed?page=2&monkey=banana"));

        String cgi = "https://host/feed.xml?a=1;token=s3cret;b=2&page=2"; // ';' separates as UrlRedaction reads it
        String cgiStored = seal.seal(cgi);
        assertFalse(cgiStored.contains("s3cret"), cgiStored);
        assertTrue(cgiStored.startsWith("https://host/feed.xml?a=1;token=" + CredentialSeal.PREFIX), cgiStored);
        assertTrue(cgiStored.endsWith("&page=2") && !cgiStored.contains("b=2"), "the value runs to the '&', as the mask: " + cgiStored);
        assertEquals(cgi, seal.open(cgiStored));
        assertEquals("https://host/feed?a=1;b=token=x", seal.seal("https://host/feed?a=1;b=token=x"), "b is the name there");
    }

    @Test
    void oneUrlAlwaysSealsToTheSameTextAndDifferentOnesDoNot() {
        String url = "http://u:pw@host/feed";
        assertEquals(seal.seal(url), seal.seal(url), "the registry's uniqueness on the URL must still hold");
        assertNotEquals(seal.seal(url), seal.seal("http://u:pw2@host/feed"));
        assertNotEquals(seal.seal(url), CredentialSeal.of(OTHER_KEY).seal(url));
        assertEquals(seal.seal(url), seal.seal(seal.seal(url)), "sealing twice changes nothing");
    }

    @Test
    void urlsWithoutCredentialsAndStoredInClearPassAsTheyAre() {
        assertEquals("https://host/feed.xml", seal.seal("https://host/feed.xml"));
        assertEquals("https://host/a?next=http://x/b@c", seal.seal("https://host/a?next=http://x/b@c"));
        assertEquals("http://u:pw@host/feed", seal.open("http://u:pw@host/feed"), "a row from before the key was set");
        assertEquals("http://u:pw@host/feed", CredentialSeal.none().seal("http://u:pw@host/feed"), "no key: as entered");
        assertEquals("not a url", seal.seal("not a url"));
    }

    @Test
    void sealedCredentialsDoNotOpenWithoutTheKeyWithAnotherOrAltered() {
        String stored = seal.seal("http://u:pw@host/feed");
        assertThrows(CredentialSeal.UnreadableCredentialsException.class, () -> CredentialSeal.none().open(stored));
        assertThrows(CredentialSeal.UnreadableCredentialsException.class, () -> CredentialSeal.of(OTHER_KEY).open(stored));
        int i = stored.indexOf(CredentialSeal.PREFIX) + CredentialSeal.PREFIX.length() + 20;
        String altered = stored.substring(0, i) + (stored.charAt(i) == 'A' ? 'B' : 'A') + stored.substring(i + 1);
        assertThrows(CredentialSeal.UnreadableCredentialsException.class, () -> seal.open(altered));
    }

    @Test
    void afterARotationPreviousKeysOpenAndResealingMovesRowsToTheCurrentKey() {
        String url = "http://u:pw@host/feed";
        String old = CredentialSeal.of(OTHER_KEY).seal(url);
        CredentialSeal rotated = CredentialSeal.of(KEY, java.util.List.of(OTHER_KEY));
        assertEquals(url, rotated.open(old), "the previous key still opens what it sealed");
        assertEquals(seal.seal(url), rotated.resealed(old), "sealed again with the current key");
        assertEquals(seal.seal(url), rotated.resealed(url), "a row in clear is sealed");
        assertEquals(seal.seal(url), rotated.resealed(seal.seal(url)), "a row sealed with the current key stays as it is");
        String unknown = CredentialSeal.of(Base64.getEncoder().encodeToString(new byte[32])).seal(url);
        assertEquals(unknown, rotated.resealed(unknown), "what no key opens is left as it is");
        assertThrows(CredentialSeal.UnreadableCredentialsException.class, () -> rotated.open(unknown));
        CredentialSeal turnedOff = CredentialSeal.of(null, java.util.List.of(OTHER_KEY));
        assertEquals(url, turnedOff.resealed(old), "no current key: the previous key's rows go back to clear");
        assertTrue(turnedOff.changesStoredUrls() && !turnedOff.enabled());
        assertFalse(CredentialSeal.none().changesStoredUrls());
        assertThrows(IllegalArgumentException.class, () -> CredentialSeal.of(KEY, java.util.List.of("short")));
    }

    @Test
    void aKeyMustBe32BytesOfBase64() {
        assertThrows(IllegalArgumentException.class, () -> CredentialSeal.of("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> CredentialSeal.of(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(CredentialSeal.of(KEY).enabled());
        assertFalse(CredentialSeal.none().enabled());
    }
}

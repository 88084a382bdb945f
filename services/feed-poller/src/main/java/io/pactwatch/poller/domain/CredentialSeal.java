package io.pactwatch.poller.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps feed credentials out of the database in clear: the userinfo of a feed URL ({@code user:password}, or a lone
 * token) is stored sealed with AES-256-GCM as {@code https://pwseal1.<base64url>@host/feed} and opened when the row is
 * read. The nonce is derived from the key and the userinfo (a synthetic IV), so one URL always seals to the same text
 * and the registry's uniqueness on the URL still holds. Without a key, URLs are stored as entered. Previous keys
 * (a rotation) only open: what they sealed is sealed again with the current key by {@link #resealed}.
 */
public final class CredentialSeal {

    /** What a sealed userinfo starts with; base64url text follows, so the URL stays a valid URI. */
    public static final String PREFIX = "pwseal1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryption;
    private final SecretKeySpec nonces;
    /** The keys that open: the current one first, then the previous ones. */
    private final List<SecretKeySpec> openers = new ArrayList<>();

    private CredentialSeal(byte[] key, List<byte[]> previousKeys) {
        this.encryption = key == null ? null : new SecretKeySpec(derive(key, "encryption"), "AES");
        this.nonces = key == null ? null : new SecretKeySpec(derive(key, "nonce"), "HmacSHA256");
        if (encryption != null) {
            openers.add(encryption);
        }
        previousKeys.forEach(k -> openers.add(new SecretKeySpec(derive(k, "encryption"), "AES")));
    }

    /** Seals nothing: URLs are stored as entered. */
    public static CredentialSeal none() {
        return new CredentialSeal(null, List.of());
    }

    /** A seal from a base64 key of 32 bytes ({@code openssl rand -base64 32}); anything else is refused. */
    public static CredentialSeal of(String base64Key) {
        return of(base64Key, List.of());
    }

    /**
     * A seal with a current key (null or blank: seal nothing) and previous keys that still open what they sealed;
     * each a base64 key of 32 bytes, anything else refused.
     */
    public static CredentialSeal of(String base64Key, List<String> previousBase64Keys) {
        List<byte[]> previous = new ArrayList<>();
        for (int i = 0; i < previousBase64Keys.size(); i++) {
            previous.add(decodeKey(previousBase64Keys.get(i), "previous key " + (i + 1)));
        }
        return new CredentialSeal(base64Key == null || base64Key.isBlank() ? null : decodeKey(base64Key, "the key"), previous);
    }

    private static byte[] decodeKey(String base64Key, String which) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + " is not base64: generate one with 'openssl rand -base64 32'");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(which + " must be 32 bytes (base64 of them), not " + key.length);
        }
        return key;
    }

    public boolean enabled() {
        return encryption != null;
    }

    /** Whether this seal can change what is stored: it seals, or it has previous keys to move away from. */
    public boolean changesStoredUrls() {
        return !openers.isEmpty();
    }

    /** Whether the URL's userinfo is sealed: a URL as stored that was not (or could not be) opened. */
    public static boolean isSealed(String url) {
        String userInfo = rawUserInfo(url);
        return userInfo != null && userInfo.startsWith(PREFIX);
    }

    /** The URL as stored: its userinfo sealed (when there is one, a key, and it is not sealed already). */
    public String seal(String url) {
        String userInfo = rawUserInfo(url);
        if (!enabled() || userInfo == null || userInfo.startsWith(PREFIX)) {
            return url;
        }
        byte[] plain = userInfo.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = Arrays.copyOf(mac(nonces, plain), NONCE_BYTES);
        byte[] sealed = ByteBuffer.allocate(NONCE_BYTES + plain.length + TAG_BITS / 8).put(nonce)
                .put(cipher(encryption, Cipher.ENCRYPT_MODE, nonce, plain)).array();
        return replaceUserInfo(url, userInfo, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed));
    }

    /**
     * The URL as entered, its userinfo opened (with the current key or a previous one); a URL stored in clear comes
     * back as it is. Throws {@link UnreadableCredentialsException} when the userinfo is sealed but no key here opens it
     * (no key, another key, or altered text).
     */
    public String open(String stored) {
        String userInfo = rawUserInfo(stored);
        if (userInfo == null || !userInfo.startsWith(PREFIX)) {
            return stored;
        }
        if (openers.isEmpty()) {
            throw new UnreadableCredentialsException("the feed's credentials are sealed, and no credentials key is set");
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(userInfo.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            sealed = new byte[0];
        }
        for (SecretKeySpec key : openers) {
            try {
                byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
                byte[] plain = cipher(key, Cipher.DECRYPT_MODE, nonce, Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
                return replaceUserInfo(stored, userInfo, new String(plain, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // not this key's: try the next
            }
        }
        throw new UnreadableCredentialsException("the feed's credentials were sealed with another key (or altered)");
    }

    /**
     * The URL as it is to be stored now: stored in clear or sealed with a previous key, it comes back sealed with the
     * current key (in clear when there is none); what no key here opens comes back as it is.
     */
    public String resealed(String stored) {
        try {
            return seal(open(stored));
        } catch (UnreadableCredentialsException e) {
            return stored;
        }
    }

    /** A sealed userinfo this seal cannot open. */
    public static final class UnreadableCredentialsException extends RuntimeException {
        UnreadableCredentialsException(String message) {
            super(message);
        }
    }

    private static byte[] cipher(SecretKeySpec key, int mode, byte[] nonce, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One key for each use, derived from the configured one. */
    private static byte[] derive(byte[] key, String use) {
        return mac(new SecretKeySpec(key, "HmacSHA256"), ("pactwatch feed credentials " + use).getBytes(StandardCharsets.UTF_8));
    }

    private static String rawUserInfo(String url) {
        if (url == null || url.indexOf('@') < 0) { // most feed URLs: no parse needed (every row read goes through here)
            return null;
        }
        try {
            String userInfo = new URI(url.trim()).getRawUserInfo();
            return userInfo == null || userInfo.isEmpty() ? null : userInfo;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String replaceUserInfo(String url, String userInfo, String replacement) {
        int at = url.indexOf("://") + 3;
        if (at < 3 || !url.startsWith(userInfo + "@", at)) {
            throw new IllegalArgumentException("no userinfo right after the scheme");
        }
        return url.substring(0, at) + replacement + url.substring(at + userInfo.length());
    }
}

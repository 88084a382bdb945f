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
 * token) is stored sealed with AES-256-GCM as {@code https://pwseal1.<base64url>@host/feed}, and so is a
 * credential-named query value ({@code ?token=pwseal1.<base64url>}, see {@link QueryCredentials}); they are opened
 * when the row is read. The nonce is derived from the key and the credential (a synthetic IV), so one URL always seals
 * to the same text and the registry's uniqueness on the URL still holds. Without a key, URLs are stored as entered.
 * Previous keys (a rotation) only open: what they sealed is sealed again with the current key by {@link #resealed}.
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

    /** Whether the URL holds a sealed credential: as stored, and not (or not able to be) opened. */
    public static boolean isSealed(String url) {
        String userInfo = rawUserInfo(url);
        return userInfo != null && userInfo.startsWith(PREFIX)
                || url != null && url.contains(PREFIX) && QueryCredentials.any(url, value -> value.startsWith(PREFIX));
    }

    /**
     * The URL as stored: its userinfo and its credential-named query values ({@code ?token=}, {@code api_key=}, …)
     * sealed, when there is a key and they are not sealed already.
     */
    public String seal(String url) {
        if (!enabled() || url == null) {
            return url;
        }
        String userInfo = rawUserInfo(url);
        String withUserInfo = userInfo == null || userInfo.startsWith(PREFIX) ? url : replaceUserInfo(url, userInfo, sealed(userInfo));
        return QueryCredentials.replaced(withUserInfo, value -> value.startsWith(PREFIX) ? value : sealed(value));
    }

    /**
     * The URL as entered, its credentials opened (with the current key or a previous one); a URL stored in clear comes
     * back as it is. Throws {@link UnreadableCredentialsException} when a credential is sealed but no key here opens it
     * (no key, another key, or altered text).
     */
    public String open(String stored) {
        if (stored == null || !stored.contains(PREFIX)) { // most feed URLs: every row read goes through here
            return stored;
        }
        String userInfo = rawUserInfo(stored);
        String withUserInfo = userInfo == null || !userInfo.startsWith(PREFIX) ? stored
                : replaceUserInfo(stored, userInfo, opened(userInfo));
        return QueryCredentials.replaced(withUserInfo, value -> value.startsWith(PREFIX) ? opened(value) : value);
    }

    /** {@link #PREFIX} and the base64url of nonce, ciphertext and tag; the nonce is derived from the text. */
    private String sealed(String plainText) {
        byte[] plain = plainText.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = Arrays.copyOf(mac(nonces, plain), NONCE_BYTES);
        byte[] sealed = ByteBuffer.allocate(NONCE_BYTES + plain.length + TAG_BITS / 8).put(nonce)
                .put(cipher(encryption, Cipher.ENCRYPT_MODE, nonce, plain)).array();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The text {@link #sealed} sealed, opened with the first key here that opens it. */
    private String opened(String sealedText) {
        if (openers.isEmpty()) {
            throw new UnreadableCredentialsException("the feed's credentials are sealed, and no credentials key is set");
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(sealedText.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            sealed = new byte[0];
        }
        for (SecretKeySpec key : openers) {
            try {
                byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
                byte[] plain = cipher(key, Cipher.DECRYPT_MODE, nonce, Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
                return new String(plain, StandardCharsets.UTF_8);
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
        if (url == null || url.indexOf('@') < 0) { // most feed URLs: no parse needed
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

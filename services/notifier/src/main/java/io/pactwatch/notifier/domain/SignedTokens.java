package io.pactwatch.notifier.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, login-free tokens for confirmation and one-click unsubscribe links ({@code <purpose>.<id>.<hmac>}), and
 * the HMAC-SHA256 signature of webhook bodies.
 */
public final class SignedTokens {

    private final byte[] secret;

    public SignedTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the signing secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(String purpose, long subscriptionId) {
        String payload = purpose + "." + subscriptionId;
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, payload));
    }

    /** The subscription id when the token is genuine and made for this purpose, else null. */
    public Long verify(String purpose, String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals(purpose) || !parts[1].matches("\\d{1,18}")) {
            return null;
        }
        byte[] expected = hmac(secret, parts[0] + "." + parts[1]);
        // Compared as the canonical encoding, so no other spelling of the signature (padding, ...) passes.
        byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
        byte[] canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(expected).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(canonical, given) ? Long.parseLong(parts[1]) : null;
    }

    /** {@code sha256=<hex>} of a webhook body under the subscription's secret. */
    public static String webhookSignature(String key, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

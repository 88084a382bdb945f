package io.pactwatch.notifier.domain.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's admin session cookie: {@code <expiry epoch seconds>.<HMAC-SHA256 keyed by the admin token>}. The
 * cookie never contains the token itself, expires on its own, and every session ends when the token is rotated.
 */
public final class AdminSession {

    private static final String PURPOSE = "pactwatch-dashboard-admin-session:";

    private AdminSession() {
    }

    public static String issue(String adminToken, Instant now, Duration ttl) {
        long expiry = now.plus(ttl).getEpochSecond();
        return expiry + "." + sign(adminToken, expiry);
    }

    public static boolean valid(String cookie, String adminToken, Instant now) {
        if (cookie == null || adminToken == null || adminToken.isBlank()) {
            return false;
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0 || !cookie.substring(0, dot).matches("\\d{1,12}")) {
            return false;
        }
        long expiry = Long.parseLong(cookie.substring(0, dot));
        if (now.getEpochSecond() >= expiry) {
            return false;
        }
        return MessageDigest.isEqual(sign(adminToken, expiry).getBytes(StandardCharsets.US_ASCII),
                cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** Constant-time comparison of a typed token with the configured one. */
    public static boolean tokenMatches(String typed, String adminToken) {
        return typed != null && adminToken != null && !adminToken.isBlank() && MessageDigest.isEqual(
                typed.trim().getBytes(StandardCharsets.UTF_8), adminToken.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String adminToken, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(adminToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((PURPOSE + expiry).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

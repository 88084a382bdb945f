package io.pactwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The local stack's admin bearer token: {@code PACTWATCH_ADMIN_TOKEN}, else one generated once and kept in the work dir. */
final class AdminToken {

    private AdminToken() {
    }

    static String loadOrCreate(Path workDir) {
        String fromEnv = System.getenv("PACTWATCH_ADMIN_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = workDir.resolve("admin-token");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String token = HexFormat.of().formatHex(bytes);
            Files.createDirectories(workDir);
            Files.writeString(file, token + "\n");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

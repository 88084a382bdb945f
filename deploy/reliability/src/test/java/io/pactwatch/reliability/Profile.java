package io.pactwatch.reliability;

/**
 * How hard the fault suite pushes: {@code short} (the default, run by {@code ./mvnw verify} in CI) or {@code full}
 * ({@code -Dreliability.profile=full}: 20,000 articles through the service kills, every service killed repeatedly,
 * PostgreSQL down for 60 s, the broker for 70 s).
 */
record Profile(String name, int killArticles, int killRounds, int articlesPerSecond, int feedItems,
        int sideArticles, int postgresOutageSeconds, int brokerOutageSeconds) {

    static Profile current() {
        return "full".equals(System.getProperty("reliability.profile", "short"))
                ? new Profile("full", 20_000, 3, 100, 600, 2_000, 60, 70)
                : new Profile("short", 1_500, 1, 60, 120, 300, 20, 15);
    }
}
